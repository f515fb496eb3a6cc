namespace Portal.Domain.Datasets.Stores;

/// <summary>
/// The answer to a <see cref="StoreQuery"/>: how many stores match, the counts per facet value, and the matching
/// stores themselves (<see cref="Take"/>).
/// </summary>
/// <remarks>
/// The counts are disjunctive: a facet's counts apply every pick except that facet's own, so they say how many
/// stores the user gets by adding (or switching to) each value, and picking a value does not hide its alternatives.
/// A facet lists every value with a count above zero, and every selected value the catalogue has even at zero (so a
/// pick that the others emptied can still be shown and undone), ordinal order.
/// </remarks>
public sealed class StoreQueryResult
{
    private readonly StoreIndex _index;
    private readonly QueryPlan _plan;
    private readonly IReadOnlyDictionary<StoreFacet, IReadOnlyList<FacetCount>> _facets;

    internal StoreQueryResult(
        StoreIndex index,
        QueryPlan plan,
        StoreQuery query,
        int matches,
        IReadOnlyDictionary<StoreFacet, IReadOnlyList<FacetCount>> facets)
    {
        _index = index;
        _plan = plan;
        _facets = facets;
        Query = query;
        Matches = matches;
    }

    /// <summary>The query this result answers.</summary>
    public StoreQuery Query { get; }

    /// <summary>How many stores match every pick and the text.</summary>
    public int Matches { get; }

    /// <summary>The counts of every facet.</summary>
    public IReadOnlyDictionary<StoreFacet, IReadOnlyList<FacetCount>> Facets => _facets;

    /// <summary>The values of <paramref name="facet"/> with their counts, ordinal order (see the remarks on the type).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="facet"/> is not a defined facet.</exception>
    public IReadOnlyList<FacetCount> Counts(StoreFacet facet) => _facets[(StoreFacet)StoreFacets.Index(facet)];

    /// <summary>The first <paramref name="count"/> matching stores, in catalogue order, for display.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
    public IReadOnlyList<StoreRecord> Take(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return count == 0 || Matches == 0 ? [] : [.. _index.MatchingPlan(_plan).Take(count)];
    }
}
