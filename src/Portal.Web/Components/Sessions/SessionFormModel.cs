using Portal.Domain.Datasets;
using Portal.Domain.Sessions;

namespace Portal.Web.Components.Sessions;

/// <summary>
/// The explore page's form state: what the inputs are bound to. Inputs may be empty or half-typed; <see cref="Validate"/>
/// turns them into a <see cref="SessionRequest"/> and the domain's messages, field by field.
/// </summary>
public sealed class SessionFormModel
{
    public DataType DataType { get; set; } = DataType.Historical;

    public VariableCategory VariableCategory { get; set; } = VariableCategory.Temperature;

    public string Variable { get; set; } = "air_temperature_at_2_metres";

    public DateOnly? StartDate { get; set; } = new DateOnly(2022, 1, 1);

    public DateOnly? EndDate { get; set; } = new DateOnly(2022, 1, 31);

    public string[] ActivityIds { get; set; } = ["ScenarioMIP"];

    public string TableId { get; set; } = "Amon";

    public string[] VariableIds { get; set; } = ["tas"];

    public string[] InstitutionIds { get; set; } = [];

    public string[] SourceIds { get; set; } = [];

    /// <summary>Defaults to an experiment the shipped CMIP6 store catalogue holds for the default activity, table and variable.</summary>
    public string Experiment { get; set; } = "ssp585";

    public int? WorkersPerRegion { get; set; } = 2;

    public int? MaximumHours { get; set; } = 4;

    public HashSet<DatasetId> Datasets { get; } = [];

    /// <summary>
    /// Keeps the ERA5 variable and the CMIP6 variables inside the chosen category: the first of the category replaces
    /// what no longer fits, so a comparison never sets ERA5 precipitation against CMIP6 temperature.
    /// </summary>
    public void CategoryChanged()
    {
        if (Era5Variables.Find(Variable)?.Category != VariableCategory)
        {
            Variable = Era5Variables.InCategory(VariableCategory).First().Name;
        }

        var fitting = VariableIds.Where(id => Cmip6Variables.Fits(VariableCategory, id)).ToArray();
        VariableIds = fitting.Length > 0 ? fitting : [.. Cmip6Variables.For(VariableCategory).Take(1)];
    }

    /// <summary>
    /// The form as <paramref name="request"/> filled it ("Launch again"): <see cref="ToRequest"/> gives the same request
    /// back, except the worker size, which the form does not offer (it launches with the default).
    /// </summary>
    public static SessionFormModel FromRequest(SessionRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var model = new SessionFormModel
        {
            DataType = request.DataType,
            VariableCategory = request.VariableCategory,
            Variable = request.Variable,
            StartDate = request.StartDate,
            EndDate = request.EndDate,
            ActivityIds = [.. request.ActivityIds],
            TableId = request.TableId,
            VariableIds = [.. request.VariableIds],
            InstitutionIds = [.. request.InstitutionIds],
            SourceIds = [.. request.SourceIds],
            Experiment = request.Experiment,
            WorkersPerRegion = request.WorkersPerRegion,
            MaximumHours = request.MaximumHours,
        };
        model.Datasets.UnionWith(request.Datasets);
        return model;
    }

    public SessionRequest ToRequest() => new()
    {
        DataType = DataType,
        VariableCategory = VariableCategory,
        Variable = Variable,
        StartDate = StartDate ?? DateOnly.MinValue,
        EndDate = EndDate ?? DateOnly.MinValue,
        ActivityIds = ActivityIds,
        TableId = TableId,
        VariableIds = VariableIds,
        InstitutionIds = InstitutionIds,
        SourceIds = SourceIds,
        Experiment = Experiment,
        Datasets = [.. Datasets.OrderBy(d => d.Value, StringComparer.Ordinal)],
        WorkersPerRegion = WorkersPerRegion ?? 0,
        MaximumHours = MaximumHours ?? 0,
    };

    /// <summary>Empty inputs first (the domain cannot see them), then the domain's own rules.</summary>
    public IReadOnlyList<FieldError> Validate(SessionRequestValidator validator)
    {
        ArgumentNullException.ThrowIfNull(validator);
        var missing = new List<FieldError>();
        if (StartDate is null)
        {
            missing.Add(new(SessionRequestField.StartDate, "Enter a start date."));
        }

        if (EndDate is null)
        {
            missing.Add(new(SessionRequestField.EndDate, "Enter an end date."));
        }

        if (WorkersPerRegion is null)
        {
            missing.Add(new(SessionRequestField.WorkersPerRegion, "Enter how many workers each region gets."));
        }

        if (MaximumHours is null)
        {
            missing.Add(new(SessionRequestField.MaximumHours, "Enter the maximum number of hours."));
        }

        var fromDomain = validator.Validate(ToRequest())
            .Where(e => !missing.Any(m => m.Field == e.Field));
        return [.. missing, .. fromDomain];
    }
}
