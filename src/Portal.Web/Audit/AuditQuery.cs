using System.Globalization;
using Portal.Domain.Audit;

namespace Portal.Web.Audit;

/// <summary>
/// The audit page's filter as it travels in a query string (the page's own address and the CSV link):
/// <c>from</c> and <c>to</c> are UTC dates (<c>yyyy-MM-dd</c>, both days included), <c>actor</c>, <c>action</c> and
/// <c>text</c> as in <see cref="AuditFilter"/>. An unreadable date is ignored.
/// </summary>
public sealed record AuditQuery(string? From, string? To, string? Actor, string? Action, string? Text)
{
    public const string DateFormat = "yyyy-MM-dd";

    public AuditFilter ToFilter() => new AuditFilter
    {
        From = Day(From) is { } from ? new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null,
        To = Day(To) is { } to ? new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null,
        Actor = Actor,
        Action = Action,
        Text = Text,
    }.Normalized();

    /// <summary>The non-empty criteria as <c>key=value&amp;…</c> (escaped), without a leading <c>?</c>.</summary>
    public string ToQueryString() => string.Join('&', new (string Key, string? Value)[]
        {
            ("from", Day(From)?.ToString(DateFormat, CultureInfo.InvariantCulture)),
            ("to", Day(To)?.ToString(DateFormat, CultureInfo.InvariantCulture)),
            ("actor", Actor), ("action", Action), ("text", Text),
        }
        .Where(p => !string.IsNullOrWhiteSpace(p.Value))
        .Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value!.Trim())}"));

    private static DateOnly? Day(string? value) =>
        DateOnly.TryParseExact(value?.Trim(), DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
}
