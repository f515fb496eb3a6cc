using System.CommandLine;

namespace Portal.Cli.Commands;

/// <summary>
/// The explore form's questions as options, shared by <c>estimate</c> and <c>launch</c> so both send the same request.
/// Every option but <c>--dataset</c> may be left out and takes the form's default; the portal checks the values and
/// names each wrong one in its answer.
/// </summary>
internal sealed class SessionRequestOptions
{
    private readonly Option<string[]> _datasets = new("--dataset", "-d")
    {
        Description = "A dataset id to analyse (repeat it, or separate ids with commas), such as era5-pds. Find ids with 'portal datasets search'.",
        Required = true,
        AllowMultipleArgumentsPerToken = true,
    };

    private readonly Option<string?> _dataType = new("--data-type") { Description = "Historical, Predictive or Both." };
    private readonly Option<string?> _variableCategory = new("--variable-category") { Description = "Temperature, Precipitation… (default: the variable's)." };
    private readonly Option<string?> _variable = new("--variable") { Description = "The ERA5 variable, such as air_temperature_at_2_metres." };
    private readonly Option<string?> _start = new("--start") { Description = "First day, yyyy-MM-dd." };
    private readonly Option<string?> _end = new("--end") { Description = "Last day, yyyy-MM-dd." };
    private readonly Option<string[]> _activities = new("--activity") { Description = "CMIP6 activity ids (repeatable), such as ScenarioMIP." };
    private readonly Option<string?> _table = new("--table") { Description = "CMIP6 table id, such as Amon." };
    private readonly Option<string[]> _variableIds = new("--variable-id") { Description = "CMIP6 variable ids (repeatable), such as tas." };
    private readonly Option<string?> _experiment = new("--experiment") { Description = "CMIP6 experiment, such as ssp245." };
    private readonly Option<string[]> _institutions = new("--institution") { Description = "CMIP6 institution ids (repeatable)." };
    private readonly Option<string[]> _sources = new("--source") { Description = "CMIP6 source (model) ids (repeatable)." };
    private readonly Option<int?> _workers = new("--workers") { Description = "Dask workers in each region that holds data." };
    private readonly Option<int?> _hours = new("--hours") { Description = "The session's maximum hours (the estimate's total is for these)." };
    private readonly Option<string?> _workerSize = new("--worker-size") { Description = "The workers' instance type." };

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { _datasets, _dataType, _variableCategory, _variable, _start, _end, _activities, _table, _variableIds, _experiment, _institutions, _sources, _workers, _hours, _workerSize })
        {
            command.Options.Add(option);
        }
    }

    /// <summary>The body of <c>POST /estimate</c> and <c>POST /sessions</c>, with only the fields the user gave.</summary>
    public Dictionary<string, object?> Body(ParseResult parse)
    {
        var body = new Dictionary<string, object?>
        {
            ["datasets"] = List(parse.GetValue(_datasets)),
        };
        Add(body, "dataType", parse.GetValue(_dataType));
        Add(body, "variableCategory", parse.GetValue(_variableCategory));
        Add(body, "variable", parse.GetValue(_variable));
        Add(body, "startDate", parse.GetValue(_start));
        Add(body, "endDate", parse.GetValue(_end));
        AddList(body, "activityIds", parse.GetValue(_activities));
        Add(body, "tableId", parse.GetValue(_table));
        AddList(body, "variableIds", parse.GetValue(_variableIds));
        Add(body, "experiment", parse.GetValue(_experiment));
        AddList(body, "institutionIds", parse.GetValue(_institutions));
        AddList(body, "sourceIds", parse.GetValue(_sources));
        Add(body, "workersPerRegion", parse.GetValue(_workers));
        Add(body, "maximumHours", parse.GetValue(_hours));
        Add(body, "workerSize", parse.GetValue(_workerSize));
        return body;
    }

    private static string[] List(string[]? values) =>
        [.. (values ?? []).SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))];

    private static void Add(Dictionary<string, object?> body, string name, object? value)
    {
        if (value is not null)
        {
            body[name] = value;
        }
    }

    private static void AddList(Dictionary<string, object?> body, string name, string[]? values)
    {
        if (values is { Length: > 0 })
        {
            body[name] = List(values);
        }
    }
}
