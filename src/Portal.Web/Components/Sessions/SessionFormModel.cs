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

    public string Experiment { get; set; } = "ssp245";

    public int? WorkersPerRegion { get; set; } = 2;

    public int? MaximumHours { get; set; } = 4;

    public HashSet<DatasetId> Datasets { get; } = [];

    /// <summary>Keeps the variable inside the chosen category (the first of the category when it no longer fits).</summary>
    public void CategoryChanged()
    {
        if (Era5Variables.Find(Variable)?.Category != VariableCategory)
        {
            Variable = Era5Variables.InCategory(VariableCategory).First().Name;
        }
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
