using System.Text.Json;

namespace Portal.Infra.Catalogue;

/// <summary>The fields of an esmcat JSON that the reader uses, read leniently: unknown fields and nulls are fine.</summary>
internal static class EsmDescriptionJson
{
    public static EsmCollectionDescription? Parse(JsonElement root, out string? problem)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            problem = "Not an ESM collection description: the JSON is not an object.";
            return null;
        }

        var catalogFile = Text(root, "catalog_file");
        var assets = root.TryGetProperty("assets", out var a) && a.ValueKind == JsonValueKind.Object ? a : default;
        var assetColumn = assets.ValueKind == JsonValueKind.Object ? Text(assets, "column_name") : null;
        if (string.IsNullOrWhiteSpace(catalogFile) || string.IsNullOrWhiteSpace(assetColumn))
        {
            problem = "Not an ESM collection description: it needs catalog_file and assets.column_name.";
            return null;
        }

        var attributes = root.TryGetProperty("attributes", out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.Object ? Text(e, "column_name") : null)
                .OfType<string>().ToList()
            : [];
        problem = null;
        return new EsmCollectionDescription(
            Text(root, "esmcat_version") ?? string.Empty,
            Text(root, "id") ?? string.Empty,
            Text(root, "description") ?? string.Empty,
            catalogFile,
            attributes,
            assetColumn,
            Text(assets, "format"),
            Text(assets, "format_column_name"));
    }

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object
        && element.TryGetProperty(name, out var value)
        && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
