using Portal.Domain.Datasets;

namespace Portal.Domain.Sessions;

/// <summary>Checks a <see cref="SessionRequest"/> against the catalogue and the portal's limits.</summary>
public sealed class SessionRequestValidator(DatasetCatalog catalog)
{
    /// <summary>The most workers one region may get in one session.</summary>
    public const int MaxWorkersPerRegion = 50;

    /// <summary>The longest a session may live before it is stopped.</summary>
    public const int MaxHours = 72;

    public IReadOnlyList<FieldError> Validate(SessionRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new List<FieldError>();
        var selected = new List<Dataset>();
        foreach (var id in request.Datasets.Distinct())
        {
            if (catalog.TryGet(id, out var dataset))
            {
                selected.Add(dataset);
            }
            else
            {
                errors.Add(new(SessionRequestField.Datasets, $"Dataset '{id}' is not in the catalogue."));
            }
        }

        ValidateDatasets(request, selected, errors);
        ValidateVariable(request, errors);
        ValidateDates(request, [.. selected.Where(d => Reads(request, d))], errors);
        if (request.UsesProjections)
        {
            ValidateFacets(request, errors);
        }

        if (request.WorkersPerRegion is < 1 or > MaxWorkersPerRegion)
        {
            errors.Add(new(SessionRequestField.WorkersPerRegion,
                $"Workers per region must be between 1 and {MaxWorkersPerRegion}."));
        }

        if (request.MaximumHours is < 1 or > MaxHours)
        {
            errors.Add(new(SessionRequestField.MaximumHours, $"Maximum hours must be between 1 and {MaxHours}."));
        }

        if (string.IsNullOrWhiteSpace(request.WorkerSize))
        {
            errors.Add(new(SessionRequestField.WorkerSize, "Choose a worker size."));
        }

        return errors;
    }

    private static void ValidateDatasets(SessionRequest request, List<Dataset> selected, List<FieldError> errors)
    {
        if (request.Datasets.Count == 0)
        {
            errors.Add(new(SessionRequestField.Datasets, "Select at least one dataset on the map."));
            return;
        }

        if (request.UsesReanalysis && !selected.Any(d => d.Kind == DatasetKind.Reanalysis))
        {
            errors.Add(new(SessionRequestField.DataType,
                $"{request.DataType} analysis reads ERA5: select ERA5 reanalysis on the map, or choose Predictive."));
        }

        if (request.UsesProjections && !selected.Any(d => d.Kind == DatasetKind.Projection))
        {
            errors.Add(new(SessionRequestField.DataType,
                $"{request.DataType} analysis reads CMIP6: select CMIP6 projections on the map, or choose Historical."));
        }

        // A selected dataset the analysis does not read would get a worker pool that is paid for and never used.
        foreach (var unused in selected.Where(d => !Reads(request, d)))
        {
            errors.Add(new(SessionRequestField.DataType,
                $"{request.DataType} analysis does not read {unused.Name}: deselect it on the map, or choose Both."));
        }
    }

    /// <summary>Whether an analysis of the request's data type reads the dataset.</summary>
    public static bool Reads(SessionRequest request, Dataset dataset)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(dataset);
        return dataset.Kind == DatasetKind.Reanalysis ? request.UsesReanalysis : request.UsesProjections;
    }

    private static void ValidateVariable(SessionRequest request, List<FieldError> errors)
    {
        if (!Enum.IsDefined(request.VariableCategory))
        {
            errors.Add(new(SessionRequestField.VariableCategory, "Choose a variable category."));
            return;
        }

        var variable = Era5Variables.Find(request.Variable);
        if (variable is null)
        {
            errors.Add(new(SessionRequestField.Variable, "Choose a variable."));
        }
        else if (variable.Category != request.VariableCategory)
        {
            errors.Add(new(SessionRequestField.Variable,
                $"{variable.Name} is not a {Era5Variables.Label(request.VariableCategory)} variable."));
        }
    }

    private static void ValidateDates(SessionRequest request, List<Dataset> selected, List<FieldError> errors)
    {
        if (request.EndDate < request.StartDate)
        {
            errors.Add(new(SessionRequestField.EndDate, "End date must be on or after the start date."));
        }

        foreach (var dataset in selected)
        {
            if (!dataset.Coverage.Contains(request.StartDate))
            {
                errors.Add(new(SessionRequestField.StartDate,
                    $"Start date is outside {dataset.Name} coverage ({dataset.Coverage})."));
            }

            if (!dataset.Coverage.Contains(request.EndDate))
            {
                errors.Add(new(SessionRequestField.EndDate,
                    $"End date is outside {dataset.Name} coverage ({dataset.Coverage})."));
            }
        }
    }

    private static void ValidateFacets(SessionRequest request, List<FieldError> errors)
    {
        if (request.ActivityIds.Count == 0)
        {
            errors.Add(new(SessionRequestField.ActivityIds, "Choose at least one activity ID."));
        }
        else if (request.ActivityIds.FirstOrDefault(a => !Cmip6Vocabulary.IsActivityId(a)) is { } badActivity)
        {
            errors.Add(new(SessionRequestField.ActivityIds, $"'{badActivity}' is not a CMIP6 activity ID the portal offers."));
        }

        if (!Cmip6Vocabulary.IsTableId(request.TableId))
        {
            errors.Add(new(SessionRequestField.TableId, "Choose a table ID."));
        }

        if (request.VariableIds.Count == 0)
        {
            errors.Add(new(SessionRequestField.VariableIds, "Choose at least one variable ID."));
        }
        else if (request.VariableIds.FirstOrDefault(v => !Cmip6Vocabulary.IsVariableId(v)) is { } badVariable)
        {
            errors.Add(new(SessionRequestField.VariableIds, $"'{badVariable}' is not a CMIP6 variable ID the portal offers."));
        }

        if (!Cmip6Vocabulary.IsExperiment(request.Experiment))
        {
            errors.Add(new(SessionRequestField.Experiment, "Choose an experiment."));
        }
    }
}
