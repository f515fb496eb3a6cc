using System.Globalization;
using System.Text;

namespace Portal.Domain.Audit;

/// <summary>
/// Writes audit entries as CSV (RFC 4180: comma separated, CRLF line ends, a field in double quotes when it holds a
/// comma, quote or line break, quotes doubled). A cell that a spreadsheet would run as a formula (starting with
/// <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, tab or carriage return) is prefixed with a single quote: entries carry
/// text users typed (session names, user agents), and an export must not execute it.
/// </summary>
public static class AuditCsv
{
    public static readonly IReadOnlyList<string> Header =
        ["id", "at_utc", "actor_id", "actor_name", "action", "object_type", "object_id", "detail", "source_ip", "user_agent"];

    public static async Task WriteAsync(TextWriter writer, IAsyncEnumerable<AuditEntry> entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(entries);
        await writer.WriteAsync(Line(Header).AsMemory(), cancellationToken);
        await foreach (var entry in entries.WithCancellation(cancellationToken))
        {
            await writer.WriteAsync(Line(Fields(entry)).AsMemory(), cancellationToken);
        }
    }

    /// <summary>The CSV of the entries, header first.</summary>
    public static string Write(IEnumerable<AuditEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var text = new StringBuilder(Line(Header));
        foreach (var entry in entries)
        {
            text.Append(Line(Fields(entry)));
        }

        return text.ToString();
    }

    /// <summary>One field, made safe for spreadsheets and quoted when RFC 4180 needs it.</summary>
    public static string Field(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    private static string?[] Fields(AuditEntry e) =>
    [
        e.Id.ToString(CultureInfo.InvariantCulture),
        e.At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
        e.ActorId, e.ActorName, e.Action, e.ObjectType, e.ObjectId, e.Detail, e.SourceIp, e.UserAgent,
    ];

    private static string Line(IEnumerable<string?> fields) => string.Join(',', fields.Select(Field)) + "\r\n";
}
