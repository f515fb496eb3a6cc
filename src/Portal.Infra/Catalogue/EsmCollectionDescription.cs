namespace Portal.Infra.Catalogue;

/// <summary>
/// An ESM collection description (esmcat 0.1.0), the JSON half of an intake-esm catalogue: what the collection is,
/// which CSV lists its assets, and which column of that CSV holds each asset's location.
/// </summary>
/// <param name="CatalogFile">The CSV, as the JSON names it (relative to the JSON's folder, or a URL).</param>
/// <param name="Attributes">The <c>column_name</c> of each listed attribute, in order.</param>
/// <param name="AssetColumn">The column with each asset's location (<c>assets.column_name</c>), such as <c>zstore</c>.</param>
/// <param name="Format">The one format of every asset (<c>assets.format</c>), such as <c>zarr</c>; null when a column says it.</param>
/// <param name="FormatColumn">The column with each asset's format (<c>assets.format_column_name</c>); null when all share <paramref name="Format"/>.</param>
public sealed record EsmCollectionDescription(
    string EsmcatVersion,
    string Id,
    string Description,
    string CatalogFile,
    IReadOnlyList<string> Attributes,
    string AssetColumn,
    string? Format,
    string? FormatColumn);
