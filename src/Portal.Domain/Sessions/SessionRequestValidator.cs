using Portal.Domain.Datasets;
using Portal.Domain.Datasets.Stores;
using Portal.Domain.Regions;

namespace Portal.Domain.Sessions;

/// <summary>Checks a <see cref="SessionRequest"/> against the catalogue, the worker regions and the portal's limits.</summary>
/// <param name="directory">The portal's regions, read per call: a dataset where no enabled worker region runs is refused. Null checks the catalogue only.</param>
/// <param name="stores">The CMIP6 store catalogue: a CMIP6 choice no store matches is refused. Null skips that check.</param>
public sealed class SessionRequestValidator(DatasetCatalog catalog, IRegionDirectory? directory = null, Cmip6StoreCatalogue? stores = null)
{
    /// <summary>The most workers one region may get in one session.</summary>
    public const int MaxWorkersPerRegion = 50;

    /// <summary>The longest a session may live before it is stopped.</summary>
    public const int MaxHours = 72;

    /// <summary>Longer than any EC2 instance type (the longest today, such as <c>u7inh-32tb.480xlarge</c>, have 20 characters).</summary>
    private const int MaxInstanceTypeLength = 40;

    private const int MaxQuotedLength = 40;

    private const int MaxListed = 3;

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
            else if (catalog.IsDisabled(id))
            {
                errors.Add(new(SessionRequestField.Datasets, DatasetCatalog.DisabledMessage(id)));
            }
            else
            {
                errors.Add(new(SessionRequestField.Datasets, $"Dataset '{id}' is not in the catalogue."));
            }
        }

        if (Enum.IsDefined(request.DataType))
        {
            ValidateDatasets(request, selected, errors);
            ValidatePlaces(selected, errors);
            ValidateDates(request, [.. selected.Where(d => Reads(request, d))], errors);
        }
        else
        {
            errors.Add(new(SessionRequestField.DataType, "Choose a data type: Historical, Predictive or Both."));
        }

        ValidateVariable(request, errors);

        // Every facet the request carries is stored, shown and written into the notebook, so each is checked whatever the
        // data type; only analyses that read CMIP6 need them filled in.
        ValidateFacets(request, errors);
        ValidateStores(request, selected, errors);

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
        else if (!IsInstanceType(request.WorkerSize))
        {
            errors.Add(new(SessionRequestField.WorkerSize, $"{Quoted(request.WorkerSize)} is not an EC2 instance type (for example {SessionRequest.DefaultWorkerSize})."));
        }

        return errors;
    }

    private static void ValidateDatasets(SessionRequest request, List<Dataset> selected, List<FieldError> errors)
    {
        if (request.Datasets.Count == 0)
        {
            errors.Add(new(SessionRequestField.Datasets, "Select at least one dataset in the list (the map's regions filter it)."));
            return;
        }

        if (request.UsesReanalysis && !selected.Any(d => d.Kind == DatasetKind.Reanalysis))
        {
            errors.Add(new(SessionRequestField.DataType,
                $"{request.DataType} analysis reads ERA5: select ERA5 reanalysis (NSF NCAR's copy, or era5-pds) in the dataset list, or choose Predictive."));
        }

        if (request.UsesProjections && !selected.Any(d => d.Kind == DatasetKind.Projection))
        {
            errors.Add(new(SessionRequestField.DataType,
                $"{request.DataType} analysis reads climate projections: select CMIP6 projections, NEX-GDDP-CMIP6 or the CESM2 Large Ensemble in the dataset list, or choose Historical."));
        }

        // The analysis reads one reanalysis: a second copy of ERA5 would get a pool that costs and reads nothing.
        if (selected.Count(d => d.Kind == DatasetKind.Reanalysis) > 1)
        {
            errors.Add(new(SessionRequestField.Datasets,
                $"Select one ERA5: the analysis reads a single reanalysis, and {string.Join(" and ", selected.Where(d => d.Kind == DatasetKind.Reanalysis).Select(d => d.DisplayName))} "
                + "would each get workers. NSF NCAR's copy is the registry's current one; era5-pds also holds precipitation, waves and 2 m extremes."));
        }

        // A selected dataset the analysis does not read would get a worker pool that is paid for and never used.
        foreach (var unused in selected.Where(d => !Reads(request, d)))
        {
            errors.Add(new(SessionRequestField.DataType,
                $"{request.DataType} analysis does not read {unused.Name}: deselect it, or choose Both."));
        }
    }

    /// <summary>Workers run only in enabled worker regions: data elsewhere cannot get a pool next to it.</summary>
    private void ValidatePlaces(List<Dataset> selected, List<FieldError> errors)
    {
        if (directory?.Current is not { } regions)
        {
            return;
        }

        errors.AddRange(DisabledRegionRefusals(regions, selected).Select(message => new FieldError(SessionRequestField.Datasets, message)));
        foreach (var dataset in selected.Where(d => regions.Find(d.Location.Region) is not { Role: RegionRole.Worker }))
        {
            errors.Add(new(SessionRequestField.Datasets,
                $"{dataset.Name} lives in {dataset.Location.Region}, where the portal has no worker region: deselect it, or ask an admin to enable {dataset.Location.Region}."));
        }
    }

    /// <summary>One message per selected dataset in a worker region an admin disabled, naming the region.</summary>
    public static IEnumerable<string> DisabledRegionRefusals(RegionCatalog regions, IEnumerable<Dataset> selected)
    {
        ArgumentNullException.ThrowIfNull(regions);
        ArgumentNullException.ThrowIfNull(selected);
        return selected
            .Where(d => regions.IsDisabled(d.Location.Region))
            .Select(d => RegionCatalog.DisabledMessage(regions.Get(d.Location.Region), d.Name));
    }

    /// <summary>Whether an analysis of the request's data type reads the dataset.</summary>
    public static bool Reads(SessionRequest request, Dataset dataset)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(dataset);
        return dataset.Kind switch
        {
            DatasetKind.Reanalysis => request.UsesReanalysis,
            DatasetKind.Projection => request.UsesProjections,
            // Opened by path from the notebook, whatever the built-in analysis reads.
            _ => true,
        };
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

        foreach (var dataset in selected.Where(d => d.Coverage is not null))
        {
            if (!dataset.Coverage!.Contains(request.StartDate))
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

    private void ValidateFacets(SessionRequest request, List<FieldError> errors)
    {
        var needed = request.UsesProjections;
        // A term is one the store catalogue holds (the form offers its values) or one of the CMIP6 vocabulary's.
        ValidateTerms(request.ActivityIds, needed, Offered(StoreFacet.Activity, Cmip6Vocabulary.IsActivityId), SessionRequestField.ActivityIds, "activity ID", errors);
        ValidateTerm(request.TableId, needed, Offered(StoreFacet.Table, Cmip6Vocabulary.IsTableId), SessionRequestField.TableId, "table ID", "Choose a table ID.", errors);
        ValidateTerms(request.VariableIds, needed, Offered(StoreFacet.Variable, Cmip6Vocabulary.IsVariableId), SessionRequestField.VariableIds, "variable ID", errors);
        ValidateTerm(request.Experiment, needed, Offered(StoreFacet.Experiment, Cmip6Vocabulary.IsExperiment), SessionRequestField.Experiment, "experiment", "Choose an experiment.", errors);
        ValidateComparison(request, errors);
        ValidateOptional(request.InstitutionIds, StoreFacet.Institution, SessionRequestField.InstitutionIds, "institution", errors);
        ValidateOptional(request.SourceIds, StoreFacet.Source, SessionRequestField.SourceIds, "model", errors);
    }

    private Func<string, bool> Offered(StoreFacet facet, Func<string, bool> inVocabulary) =>
        stores is { Index.Count: > 0 } catalogue
            ? id => inVocabulary(id) || catalogue.Index.Values(facet).Contains(id, StringComparer.Ordinal)
            : inVocabulary;

    /// <summary>An optional facet (empty for any): each value once, and one the store catalogue holds when there is one.</summary>
    private void ValidateOptional(IReadOnlyList<string>? values, StoreFacet facet, SessionRequestField field, string noun, List<FieldError> errors)
    {
        if (values is null)
        {
            errors.Add(new(field, $"Choose the {noun}s to read, or none for any."));
            return;
        }

        var known = stores is { Index.Count: > 0 } catalogue ? catalogue.Index.Values(facet) : null;
        var unknown = values.Where(v => string.IsNullOrWhiteSpace(v) || v.Length > MaxQuotedLength || (known is not null && !known.Contains(v, StringComparer.Ordinal))).ToList();
        if (unknown.Count > 0)
        {
            errors.Add(new(field, $"{string.Join(", ", unknown.Take(MaxListed).Select(Quoted))} {(unknown.Count == 1 ? "is" : "are")} not {(unknown.Count == 1 ? (noun[0] is 'a' or 'e' or 'i' or 'o' or 'u' ? "an " : "a ") + noun : noun + "s")} of the CMIP6 catalogue."));
        }
        else if (values.Distinct(StringComparer.Ordinal).Count() != values.Count)
        {
            errors.Add(new(field, $"Choose each {noun} once."));
        }
    }

    /// <summary>CMIP6 is read through its store catalogue: a choice no store matches would give the notebook nothing to read.</summary>
    private void ValidateStores(SessionRequest request, List<Dataset> selected, List<FieldError> errors)
    {
        if (stores is null || stores.Index.Count == 0 || !request.UsesProjections || !selected.Any(d => d.Layout == DatasetLayout.Cmip6Zarr)
            || errors.Any(e => e.Field is SessionRequestField.ActivityIds or SessionRequestField.TableId or SessionRequestField.VariableIds or SessionRequestField.Experiment))
        {
            return;
        }

        var query = Cmip6StoreCatalogue.QueryFor(request);
        if (stores.Index.Query(query).Matches == 0)
        {
            errors.Add(new(SessionRequestField.Experiment,
                $"No store of the CMIP6 catalogue holds {string.Join(", ", request.VariableIds)} in {request.TableId} for "
                + $"{string.Join(" or ", query.Selected(StoreFacet.Experiment).Order(StringComparer.Ordinal))} ({string.Join(", ", request.ActivityIds)}): "
                + "the notebook would find no data. The counts beside each CMIP6 choice show what the catalogue holds."));
        }
    }

    /// <summary>Both compares ERA5 with CMIP6: the CMIP6 variables must measure what the ERA5 category does.</summary>
    private static void ValidateComparison(SessionRequest request, List<FieldError> errors)
    {
        if (request.DataType != DataType.Both || !Enum.IsDefined(request.VariableCategory) || request.VariableIds is null)
        {
            return;
        }

        var label = Era5Variables.Label(request.VariableCategory);
        var fitting = Cmip6Variables.For(request.VariableCategory);
        if (fitting.Count == 0)
        {
            errors.Add(new(SessionRequestField.VariableCategory,
                $"CMIP6 has no {label} variables to compare with ERA5: choose Historical for {label}, or another variable category."));
            return;
        }

        // Ids outside the vocabulary already have their own message.
        var misfits = request.VariableIds.Where(id => id is not null && Cmip6Vocabulary.IsVariableId(id) && !Cmip6Variables.Fits(request.VariableCategory, id)).ToList();
        if (misfits.Count > 0)
        {
            errors.Add(new(SessionRequestField.VariableIds,
                $"Both compares ERA5 {label} with CMIP6, and {string.Join(", ", misfits.Take(MaxListed).Select(Quoted))} "
                + $"{(misfits.Count == 1 ? "is not a" : "are not")} {label} variable{(misfits.Count == 1 ? null : "s")}: choose {string.Join(", ", fitting)}."));
        }
    }

    /// <summary>A list of terms: each from the vocabulary, each once; at least one when the analysis needs it.</summary>
    private static void ValidateTerms(
        IReadOnlyList<string>? terms,
        bool needed,
        Func<string, bool> offered,
        SessionRequestField field,
        string noun,
        List<FieldError> errors)
    {
        if (terms is null || terms.Count == 0)
        {
            if (needed || terms is null)
            {
                errors.Add(new(field, $"Choose at least one {noun}."));
            }

            return;
        }

        var unknown = terms.Where(t => t is null || !offered(t)).Distinct().ToList();
        if (unknown.Count > 0)
        {
            errors.Add(new(field, unknown.Count == 1
                ? $"{Quoted(unknown[0])} is not a CMIP6 {noun} the portal offers."
                : $"{Listed(unknown)} are not CMIP6 {noun}s the portal offers."));
            return;
        }

        if (terms.GroupBy(t => t, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } repeated)
        {
            errors.Add(new(field, $"{Quoted(repeated.Key)} is chosen more than once."));
        }
    }

    /// <summary>A single term: from the vocabulary; it may be left empty only when the analysis does not need it.</summary>
    private static void ValidateTerm(string? term, bool needed, Func<string, bool> offered, SessionRequestField field, string noun, string choose, List<FieldError> errors)
    {
        if (string.IsNullOrEmpty(term))
        {
            if (needed || term is null)
            {
                errors.Add(new(field, choose));
            }
        }
        else if (!offered(term))
        {
            errors.Add(new(field, $"{Quoted(term)} is not a CMIP6 {noun} the portal offers."));
        }
    }

    /// <summary>
    /// An EC2 instance type's shape: a family and a size of lowercase letters, digits and hyphens joined by one dot
    /// (<c>m5d.4xlarge</c>, <c>m7i-flex.large</c>, <c>m7i.metal-48xl</c>). Whether AWS offers it in a region is AWS's to say.
    /// </summary>
    private static bool IsInstanceType(string value)
    {
        var dot = value.IndexOf('.', StringComparison.Ordinal);
        return value.Length <= MaxInstanceTypeLength
               && dot > 0
               && dot < value.Length - 1
               && char.IsAsciiLetterLower(value[0])
               && value.Count(c => c == '.') == 1
               && value.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '.');
    }

    /// <summary>A value the user sent, quoted and clipped: a message never echoes a megabyte back.</summary>
    private static string Quoted(string? value) => value is null ? "(none)" : $"'{SessionText.Clip(value, MaxQuotedLength)}'";

    private static string Listed(List<string> values) =>
        values.Count <= MaxListed
            ? string.Join(", ", values.Select(Quoted))
            : $"{string.Join(", ", values.Take(MaxListed).Select(Quoted))} and {values.Count - MaxListed} more";
}
