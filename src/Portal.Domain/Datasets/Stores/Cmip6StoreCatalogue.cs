using Portal.Domain.Sessions;

namespace Portal.Domain.Datasets.Stores;

/// <summary>
/// The CMIP6 store catalogue the portal searches (an intake-esm catalogue of the Zarr stores in cmip6-pds): the form
/// counts matching stores from it and launch refuses a choice no store matches. Replaced whole when another is loaded.
/// </summary>
public sealed class Cmip6StoreCatalogue(StoreIndex index)
{
    private volatile StoreIndex _index = index ?? throw new ArgumentNullException(nameof(index));

    public StoreIndex Index => _index;

    public void Replace(StoreIndex index) => _index = index ?? throw new ArgumentNullException(nameof(index));

    /// <summary>
    /// The stores a request's analysis searches, as the notebook does: its activities, table and variables, in its
    /// experiment, and in <c>historical</c> too when it asks for the CMIP activity.
    /// </summary>
    public static StoreQuery QueryFor(SessionRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var experiments = new List<string> { request.Experiment };
        if (request.ActivityIds.Contains("CMIP", StringComparer.Ordinal) && request.Experiment != "historical")
        {
            experiments.Add("historical");
        }

        return StoreQuery.All
            .With(StoreFacet.Activity, request.ActivityIds.Where(a => a is not null))
            .With(StoreFacet.Table, request.TableId is null ? [] : [request.TableId])
            .With(StoreFacet.Variable, request.VariableIds.Where(v => v is not null))
            .With(StoreFacet.Experiment, experiments.Where(e => e is not null))
            .With(StoreFacet.Institution, request.InstitutionIds.Where(i => i is not null))
            .With(StoreFacet.Source, request.SourceIds.Where(s => s is not null));
    }
}
