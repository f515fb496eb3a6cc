using System.Globalization;
using Portal.Domain.Datasets;
using Portal.Domain.Sessions;

namespace Portal.Web.Api;

/// <summary>
/// The body of <c>POST /api/v1/sessions</c> and <c>POST /api/v1/estimate</c>: the explore form's questions. Every field
/// but <see cref="Datasets"/> may be left out and then takes the form's default; enums and dates are strings
/// (<c>"Historical"</c>, <c>"2022-01-31"</c>) so that a bad value is named in the answer's field errors.
/// </summary>
internal sealed record SessionRequestBody
{
    public IReadOnlyList<string>? Datasets { get; init; }

    /// <summary><c>Historical</c>, <c>Predictive</c> or <c>Both</c>.</summary>
    public string? DataType { get; init; }

    /// <summary><c>Temperature</c>, <c>Precipitation</c>...; defaults to the ERA5 variable's category.</summary>
    public string? VariableCategory { get; init; }

    public string? Variable { get; init; }

    /// <summary>ISO date, <c>yyyy-MM-dd</c>.</summary>
    public string? StartDate { get; init; }

    public string? EndDate { get; init; }

    public IReadOnlyList<string>? ActivityIds { get; init; }

    public string? TableId { get; init; }

    public IReadOnlyList<string>? VariableIds { get; init; }

    public string? Experiment { get; init; }

    public IReadOnlyList<string>? InstitutionIds { get; init; }

    public IReadOnlyList<string>? SourceIds { get; init; }

    public int? WorkersPerRegion { get; init; }

    public int? MaximumHours { get; init; }

    public string? WorkerSize { get; init; }

    /// <summary>The session's name (launch only); the default name when left out.</summary>
    public string? Name { get; init; }

    /// <summary>
    /// The caller's key for this one intent to launch (launch only, up to 64 characters): a retried call with the same
    /// key answers with the session the first one made.
    /// </summary>
    public string? LaunchKey { get; init; }

    /// <summary>Launch even when an identical session of the caller's is running (launch only).</summary>
    public bool AllowDuplicate { get; init; }

    /// <summary>The request, or the fields that could not be read (the domain then checks the rest at launch).</summary>
    public (SessionRequest? Request, IReadOnlyList<FieldError> Errors) ToRequest()
    {
        var defaults = new Components.Sessions.SessionFormModel();
        var errors = new List<FieldError>();
        var datasets = new List<DatasetId>();
        foreach (var id in Datasets ?? [])
        {
            if (DatasetId.TryParse(id, out var dataset))
            {
                datasets.Add(dataset);
            }
            else
            {
                errors.Add(new(SessionRequestField.Datasets, $"'{Clip(id)}' is not a dataset id."));
            }
        }

        var dataType = ParseEnum<DataType>(DataType, defaults.DataType, SessionRequestField.DataType, "Historical, Predictive or Both", errors);
        var variable = string.IsNullOrWhiteSpace(Variable) ? defaults.Variable : Variable.Trim();
        var category = ParseEnum<VariableCategory>(VariableCategory, Era5Variables.Find(variable)?.Category ?? defaults.VariableCategory,
            SessionRequestField.VariableCategory, string.Join(", ", System.Enum.GetNames<VariableCategory>()), errors);
        var start = Date(StartDate, defaults.StartDate!.Value, SessionRequestField.StartDate, errors);
        var end = Date(EndDate, defaults.EndDate!.Value, SessionRequestField.EndDate, errors);
        if (errors.Count > 0)
        {
            return (null, errors);
        }

        return (new SessionRequest
        {
            DataType = dataType,
            VariableCategory = category,
            Variable = variable,
            StartDate = start,
            EndDate = end,
            ActivityIds = ActivityIds ?? defaults.ActivityIds,
            TableId = TableId ?? defaults.TableId,
            VariableIds = VariableIds ?? defaults.VariableIds,
            Experiment = Experiment ?? defaults.Experiment,
            InstitutionIds = InstitutionIds ?? [],
            SourceIds = SourceIds ?? [],
            Datasets = datasets,
            WorkersPerRegion = WorkersPerRegion ?? defaults.WorkersPerRegion!.Value,
            MaximumHours = MaximumHours ?? defaults.MaximumHours!.Value,
            WorkerSize = string.IsNullOrWhiteSpace(WorkerSize) ? SessionRequest.DefaultWorkerSize : WorkerSize.Trim(),
        }, []);
    }

    private static T ParseEnum<T>(string? text, T fallback, SessionRequestField field, string allowed, List<FieldError> errors)
        where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        if (System.Enum.TryParse<T>(text.Trim(), ignoreCase: true, out var value) && System.Enum.IsDefined(value) && !text.Trim().All(char.IsDigit))
        {
            return value;
        }

        errors.Add(new(field, $"'{Clip(text)}' is not one of {allowed}."));
        return fallback;
    }

    private static DateOnly Date(string? text, DateOnly fallback, SessionRequestField field, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        errors.Add(new(field, $"'{Clip(text)}' is not a date: write it as yyyy-MM-dd."));
        return fallback;
    }

    private static string Clip(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
