namespace Portal.Domain.Datasets.Stores;

/// <summary>A query resolved against one index: its facet filters, smallest first, and its text as rows.</summary>
/// <param name="Filters">The filtered facets, fewest rows first.</param>
/// <param name="Selected">Per global code (see <see cref="StoreIndex"/>), whether a filter selects it.</param>
/// <param name="Text">The rows the text matches; null when the query has no text.</param>
internal sealed record QueryPlan(IReadOnlyList<FacetFilter> Filters, bool[] Selected, TextRows? Text)
{
    /// <summary>The filtered facets' numbers, in the order of <see cref="Filters"/>.</summary>
    public int[] Facets { get; } = [.. Filters.Select(f => f.Facet)];
}

/// <summary>One filtered facet: the global codes of its selected values (values the index lacks are left out).</summary>
/// <param name="Codes">The selected codes, local to the facet, ascending.</param>
/// <param name="Rows">How many rows have one of the selected codes.</param>
internal sealed record FacetFilter(int Facet, int[] Codes, int Rows);

/// <summary>The rows a free text matches, and how many.</summary>
internal sealed record TextRows(string Text, RowSet Rows, int Count);
