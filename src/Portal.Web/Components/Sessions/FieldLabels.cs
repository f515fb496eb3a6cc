using Portal.Domain.Sessions;

namespace Portal.Web.Components.Sessions;

/// <summary>Each request field's label on the explore page and the id of its input, for messages that lead to it.</summary>
public static class FieldLabels
{
    public static string Label(SessionRequestField field) => field switch
    {
        SessionRequestField.Datasets => "Datasets",
        SessionRequestField.DataType => "Data type",
        SessionRequestField.VariableCategory => "Variable category",
        SessionRequestField.Variable => "Variable",
        SessionRequestField.StartDate => "Start date",
        SessionRequestField.EndDate => "End date",
        SessionRequestField.ActivityIds => "Activity IDs",
        SessionRequestField.TableId => "Table ID",
        SessionRequestField.VariableIds => "Variable IDs",
        SessionRequestField.Experiment => "Experiment",
        SessionRequestField.WorkersPerRegion => "Workers per region",
        SessionRequestField.MaximumHours => "Maximum hours",
        SessionRequestField.WorkerSize => "Worker size",
        SessionRequestField.Name => "Session name",
        SessionRequestField.InstitutionIds => "Institutions",
        SessionRequestField.SourceIds => "Models (source IDs)",
        _ => field.ToString(),
    };

    /// <summary>The id of the field's input (SessionForm's InputId values, the dataset search box for datasets).</summary>
    public static string InputId(SessionRequestField field) => field switch
    {
        SessionRequestField.Datasets => "dataset-search",
        SessionRequestField.DataType => "f-data-type",
        SessionRequestField.VariableCategory => "f-category",
        SessionRequestField.Variable => "f-variable",
        SessionRequestField.StartDate => "f-start",
        SessionRequestField.EndDate => "f-end",
        SessionRequestField.ActivityIds => "f-activity",
        SessionRequestField.TableId => "f-table",
        SessionRequestField.VariableIds => "f-variable-ids",
        SessionRequestField.Experiment => "f-experiment",
        SessionRequestField.WorkersPerRegion => "f-workers",
        SessionRequestField.MaximumHours => "f-hours",
        SessionRequestField.InstitutionIds => "f-institutions",
        SessionRequestField.SourceIds => "f-sources",
        SessionRequestField.Name => "session-name",
        _ => "form-title",
    };
}
