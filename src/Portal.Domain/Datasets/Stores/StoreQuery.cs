namespace Portal.Domain.Datasets.Stores;

/// <summary>
/// What the user picked: per facet a set of values (none = any value; several = any of them), and an optional free
/// text. Facets combine with AND. The text matches a store when it is a substring, ignoring case, of any of its facet
/// values or of its path. Immutable: <see cref="With(StoreFacet, IEnumerable{string})"/> and
/// <see cref="WithText"/> return a new query.
/// </summary>
public sealed class StoreQuery
{
    private static readonly IReadOnlySet<string> NoValues = new HashSet<string>(StringComparer.Ordinal);

    private readonly IReadOnlySet<string>[] _selected;

    private StoreQuery(IReadOnlySet<string>[] selected, string text)
    {
        _selected = selected;
        Text = text;
    }

    /// <summary>No filter and no text: every store.</summary>
    public static StoreQuery All { get; } = new([.. StoreFacets.All.Select(_ => NoValues)], string.Empty);

    /// <summary>The free text, trimmed; empty when there is none.</summary>
    public string Text { get; }

    /// <summary>Whether the query has a free text.</summary>
    public bool HasText => Text.Length > 0;

    /// <summary>The facets with at least one selected value, in catalogue order.</summary>
    public IReadOnlyList<StoreFacet> FilteredFacets => [.. StoreFacets.All.Where(f => _selected[(int)f].Count > 0)];

    /// <summary>Whether the query neither filters a facet nor has a text.</summary>
    public bool IsEverything => !HasText && _selected.All(s => s.Count == 0);

    /// <summary>The values selected for <paramref name="facet"/>; empty means any value.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="facet"/> is not a defined facet.</exception>
    public IReadOnlySet<string> Selected(StoreFacet facet) => _selected[StoreFacets.Index(facet)];

    /// <summary>
    /// This query with the selection of <paramref name="facet"/> replaced by <paramref name="values"/> (matched
    /// exactly; none = any value). A value the catalogue does not have matches no store.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="values"/> or one of them is null.</exception>
    public StoreQuery With(StoreFacet facet, params IEnumerable<string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var index = StoreFacets.Index(facet);
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var value in values)
        {
            set.Add(value ?? throw new ArgumentNullException(nameof(values), "A selected value is null."));
        }

        var selected = (IReadOnlySet<string>[])_selected.Clone();
        selected[index] = set.Count == 0 ? NoValues : set;
        return new StoreQuery(selected, Text);
    }

    /// <summary>This query without any selection for <paramref name="facet"/>.</summary>
    public StoreQuery Without(StoreFacet facet) => With(facet);

    /// <summary>This query with another free text (trimmed; null or blank = no text).</summary>
    public StoreQuery WithText(string? text) => new(_selected, text?.Trim() ?? string.Empty);

    /// <summary>The query as the user would read it, such as <c>table_id in (Amon, day) and text "tas"</c>.</summary>
    public override string ToString()
    {
        var parts = StoreFacets.All
            .Where(f => _selected[(int)f].Count > 0)
            .Select(f => $"{f.ColumnName()} in ({string.Join(", ", _selected[(int)f].Order(StringComparer.Ordinal))})")
            .ToList();
        if (HasText)
        {
            parts.Add($"text \"{Text}\"");
        }

        return parts.Count == 0 ? "everything" : string.Join(" and ", parts);
    }
}
