namespace Portal.Domain.Datasets.Stores;

/// <summary>The facets in catalogue order, and the CSV column name of each.</summary>
public static class StoreFacets
{
    private static readonly string[] ColumnNames =
        ["activity_id", "institution_id", "source_id", "experiment_id", "member_id", "table_id", "variable_id", "grid_label"];

    /// <summary>Every facet, in the order of the catalogue's columns (and of the path's segments).</summary>
    public static IReadOnlyList<StoreFacet> All { get; } = Enum.GetValues<StoreFacet>();

    /// <summary>The column name in an intake-esm CSV, such as <c>activity_id</c> for <see cref="StoreFacet.Activity"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="facet"/> is not a defined facet.</exception>
    public static string ColumnName(this StoreFacet facet) => ColumnNames[Index(facet)];

    /// <summary>The facet whose column is called <paramref name="columnName"/> (exactly, as intake-esm writes it).</summary>
    public static bool TryParseColumn(string? columnName, out StoreFacet facet)
    {
        var index = Array.IndexOf(ColumnNames, columnName);
        facet = (StoreFacet)Math.Max(index, 0);
        return index >= 0;
    }

    internal static int Index(StoreFacet facet) =>
        (uint)facet < (uint)ColumnNames.Length
            ? (int)facet
            : throw new ArgumentOutOfRangeException(nameof(facet), facet, "Not a store facet.");
}
