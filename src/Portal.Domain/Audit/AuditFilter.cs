namespace Portal.Domain.Audit;

/// <summary>
/// Which entries to show or export; every criterion is optional. <see cref="From"/> is inclusive, <see cref="To"/>
/// exclusive. <see cref="Actor"/> and <see cref="Text"/> match part of a value, ignoring case.
/// </summary>
public sealed record AuditFilter
{
    public static AuditFilter None { get; } = new();

    public DateTimeOffset? From { get; init; }

    public DateTimeOffset? To { get; init; }

    /// <summary>Part of the actor's name or identity.</summary>
    public string? Actor { get; init; }

    /// <summary>An exact action (<see cref="AuditActions"/>).</summary>
    public string? Action { get; init; }

    /// <summary>Part of the object's id or of the detail.</summary>
    public string? Text { get; init; }

    /// <summary>The filter with blank criteria dropped and the rest trimmed.</summary>
    public AuditFilter Normalized() => this with
    {
        Actor = Clean(Actor),
        Action = Clean(Action),
        Text = Clean(Text),
    };

    /// <summary>Whether an entry passes the filter (the stores translate the same rules to SQL).</summary>
    public bool Matches(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var f = Normalized();
        return (f.From is not { } from || entry.At >= from)
               && (f.To is not { } to || entry.At < to)
               && (f.Actor is not { } actor || Contains(entry.ActorName, actor) || Contains(entry.ActorId, actor))
               && (f.Action is not { } action || string.Equals(entry.Action, action, StringComparison.Ordinal))
               && (f.Text is not { } text || Contains(entry.ObjectId, text) || Contains(entry.Detail, text));
    }

    private static bool Contains(string value, string part) => value.Contains(part, StringComparison.OrdinalIgnoreCase);

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
