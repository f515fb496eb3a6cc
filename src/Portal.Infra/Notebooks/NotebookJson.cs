using Portal.Domain.Cloud;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Portal.Domain.LaunchPlans;

namespace Portal.Infra.Notebooks;

/// <summary>Serialises cells as an nbformat 4.5 document, laid out as Jupyter itself writes notebooks.</summary>
internal static class NotebookJson
{
    public const int Format = 4;
    public const int FormatMinor = 5;

    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        IndentSize = 1,
        NewLine = "\n",
        // The file is never embedded in HTML; relaxed escaping keeps non-ASCII text readable in the file.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Write(IEnumerable<NotebookCell> cells, IReadOnlyDictionary<string, string> portalMetadata)
    {
        ArgumentNullException.ThrowIfNull(cells);
        ArgumentNullException.ThrowIfNull(portalMetadata);
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, Options))
        {
            // Keys in alphabetical order, as nbformat writes them, so diffs against Jupyter-saved copies stay small.
            json.WriteStartObject();
            json.WriteStartArray("cells");
            foreach (var cell in cells)
            {
                WriteCell(json, cell);
            }

            json.WriteEndArray();
            json.WriteStartObject("metadata");
            json.WriteStartObject("kernelspec");
            json.WriteString("display_name", "Portal (Dask)");
            json.WriteString("language", "python");
            json.WriteString("name", LaunchSettings.NotebookKernelName);
            json.WriteEndObject();
            json.WriteStartObject("language_info");
            json.WriteStartObject("codemirror_mode");
            json.WriteString("name", "ipython");
            json.WriteNumber("version", 3);
            json.WriteEndObject();
            json.WriteString("file_extension", ".py");
            json.WriteString("mimetype", "text/x-python");
            json.WriteString("name", "python");
            json.WriteString("nbconvert_exporter", "python");
            json.WriteString("pygments_lexer", "ipython3");
            json.WriteEndObject();
            json.WriteStartObject("portal");
            foreach (var (key, value) in portalMetadata)
            {
                json.WriteString(key, value);
            }

            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteNumber("nbformat", Format);
            json.WriteNumber("nbformat_minor", FormatMinor);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    /// <summary>Splits text into nbformat's list of lines: every line but the last keeps its <c>\n</c>.</summary>
    public static IReadOnlyList<string> Lines(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var lines = new List<string>();
        var start = 0;
        while (start < source.Length)
        {
            var end = source.IndexOf('\n', start);
            if (end < 0)
            {
                lines.Add(source[start..]);
                break;
            }

            lines.Add(source[start..(end + 1)]);
            start = end + 1;
        }

        return lines;
    }

    private static void WriteCell(Utf8JsonWriter json, NotebookCell cell)
    {
        json.WriteStartObject();
        json.WriteString("cell_type", TypeName(cell.Type));
        if (cell.Type == NotebookCellType.Code)
        {
            json.WriteNull("execution_count");
        }

        json.WriteString("id", cell.Id);
        json.WriteStartObject("metadata");
        if (cell.Tags.Count > 0)
        {
            json.WriteStartArray("tags");
            foreach (var tag in cell.Tags)
            {
                json.WriteStringValue(tag);
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();
        if (cell.Type == NotebookCellType.Code)
        {
            json.WriteStartArray("outputs");
            json.WriteEndArray();
        }

        json.WriteStartArray("source");
        foreach (var line in Lines(cell.Source.Replace("\r\n", "\n", StringComparison.Ordinal)))
        {
            json.WriteStringValue(line);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    public static string TypeName(NotebookCellType type) => type switch
    {
        NotebookCellType.Markdown => "markdown",
        NotebookCellType.Code => "code",
        _ => "raw",
    };
}
