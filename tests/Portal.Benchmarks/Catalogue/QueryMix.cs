using Portal.Domain.Datasets.Stores;

namespace Portal.Benchmarks.Catalogue;

/// <summary>One query of the mix, its kind (for the per-kind figures) and how pandas gets it.</summary>
internal sealed record MixQuery(string Kind, StoreQuery Query)
{
    /// <summary>The query as the pandas script reads it: selections by column name, and the text.</summary>
    public object ToJson() => new
    {
        kind = Kind,
        facets = StoreFacets.All
            .Where(f => Query.Selected(f).Count > 0)
            .ToDictionary(f => f.ColumnName(), f => Query.Selected(f).Order(StringComparer.Ordinal).ToArray()),
        text = Query.Text,
    };
}

/// <summary>
/// The fixed query mix: 40 queries of each kind, interleaved, drawn with a fixed seed from the catalogue's own rows
/// (so picks follow the values' frequencies, as users pick the values they see first). Free texts are all different,
/// so the index's one-text cache never answers for a measured query.
/// </summary>
internal static class QueryMix
{
    public const string NoFilter = "No filter";
    public const string OneFacet = "One facet";
    public const string TwoFacets = "Two facets";
    public const string ThreeFacets = "Three facets, several values";
    public const string FreeText = "Free text";

    public static IReadOnlyList<string> Kinds { get; } = [NoFilter, OneFacet, TwoFacets, ThreeFacets, FreeText];

    public static IReadOnlyList<MixQuery> Create(IReadOnlyList<StoreRecord> sample, int perKind)
    {
        ArgumentNullException.ThrowIfNull(sample);
        var random = new Random(42);
        var texts = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var queries = new List<MixQuery>();
        for (var i = 0; i < perKind; i++)
        {
            queries.Add(new(NoFilter, StoreQuery.All));
            queries.Add(new(OneFacet, Pick(StoreQuery.All, random, sample, Facets(random, 1)[0], 1)));
            var two = Facets(random, 2);
            queries.Add(new(TwoFacets, Pick(Pick(StoreQuery.All, random, sample, two[0], 1), random, sample, two[1], 1)));
            var three = Facets(random, 3);
            var query = StoreQuery.All;
            foreach (var facet in three)
            {
                query = Pick(query, random, sample, facet, facet == three[0] ? random.Next(2, 4) : 1);
            }

            queries.Add(new(ThreeFacets, query));
            queries.Add(new(FreeText, Text(random, sample, texts)));
        }

        return queries;
    }

    /// <summary><paramref name="count"/> distinct facets, in random order.</summary>
    private static StoreFacet[] Facets(Random random, int count) =>
        [.. StoreFacets.All.OrderBy(_ => random.Next()).Take(count)];

    /// <summary>Selects the values of <paramref name="facet"/> found in random rows (so common values come up more).</summary>
    private static StoreQuery Pick(StoreQuery query, Random random, IReadOnlyList<StoreRecord> sample, StoreFacet facet, int values) =>
        query.With(facet, Enumerable.Range(0, values).Select(_ => sample[random.Next(sample.Count)].Value(facet)));

    /// <summary>Three to five letters of a model, variable, experiment or institution; every other one with a facet.</summary>
    private static StoreQuery Text(Random random, IReadOnlyList<StoreRecord> sample, HashSet<string> used)
    {
        StoreFacet[] typed = [StoreFacet.Source, StoreFacet.Variable, StoreFacet.Experiment, StoreFacet.Institution];
        for (var attempt = 0; ; attempt++)
        {
            var value = sample[random.Next(sample.Count)].Value(typed[random.Next(typed.Length)]);
            var length = Math.Min(value.Length, random.Next(3, 6));
            var text = value.Substring(random.Next(value.Length - length + 1), length);
            // A tiny catalogue may run out of different texts: then one may come again.
            if (text.Contains('/', StringComparison.Ordinal) || (!used.Add(text) && attempt < 1000))
            {
                continue;
            }

            var query = StoreQuery.All.WithText(random.Next(2) == 0 ? text : text.ToUpperInvariant());
            return used.Count % 2 == 0 ? Pick(query, random, sample, StoreFacet.Table, 1) : query;
        }
    }
}
