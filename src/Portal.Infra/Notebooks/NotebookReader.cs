using Portal.Domain.Cloud;
using System.Globalization;
using System.Text.Json;

namespace Portal.Infra.Notebooks;

/// <summary>Reads an .ipynb file's cells for display (the portal's read-only notebook view). Outputs are ignored.</summary>
internal static class NotebookReader
{
    /// <exception cref="InvalidDataException">The text is not JSON, or has no <c>cells</c> array.</exception>
    public static IReadOnlyList<NotebookCell> Read(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"This is not a notebook: it is not valid JSON ({ex.Message}).", ex);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("cells", out var cells)
                || cells.ValueKind != JsonValueKind.Array)
            {
                throw new InvalidDataException("This is not a notebook: it has no list of cells.");
            }

            return [.. cells.EnumerateArray().Select(ReadCell)];
        }
    }

    private static NotebookCell ReadCell(JsonElement cell, int index)
    {
        if (cell.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidDataException($"This is not a notebook: cell {index + 1} is not an object.");
        }

        var type = Text(cell, "cell_type") switch
        {
            "markdown" => NotebookCellType.Markdown,
            "code" => NotebookCellType.Code,
            _ => NotebookCellType.Raw,
        };
        // Cell ids arrived in nbformat 4.5; older notebooks get one from their position.
        var id = Text(cell, "id") ?? "cell-" + index.ToString(CultureInfo.InvariantCulture);
        return new NotebookCell(id, type, Source(cell), Tags(cell));
    }

    /// <summary>nbformat allows the source as one string or as a list of lines to concatenate.</summary>
    private static string Source(JsonElement cell) =>
        cell.TryGetProperty("source", out var source) switch
        {
            true when source.ValueKind == JsonValueKind.String => source.GetString()!,
            true when source.ValueKind == JsonValueKind.Array => string.Concat(source.EnumerateArray()
                .Where(line => line.ValueKind == JsonValueKind.String)
                .Select(line => line.GetString())),
            _ => string.Empty,
        };

    private static List<string> Tags(JsonElement cell) =>
        cell.TryGetProperty("metadata", out var metadata)
        && metadata.ValueKind == JsonValueKind.Object
        && metadata.TryGetProperty("tags", out var tags)
        && tags.ValueKind == JsonValueKind.Array
            ? [.. tags.EnumerateArray().Where(t => t.ValueKind == JsonValueKind.String).Select(t => t.GetString()!)]
            : [];

    private static string? Text(JsonElement cell, string name) =>
        cell.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
