namespace Portal.Domain.Audit;

/// <summary>
/// One line of the append-only audit log: who did what to which object, when, with what outcome, and from where.
/// </summary>
public sealed record AuditEntry
{
    /// <summary>Assigned by the store; 0 before it is appended.</summary>
    public long Id { get; init; }

    public required DateTimeOffset At { get; init; }

    /// <summary>The actor's stable identity, or <c>system</c> for the portal's own work.</summary>
    public required string ActorId { get; init; }

    public required string ActorName { get; init; }

    /// <summary>One of <see cref="AuditActions"/>.</summary>
    public required string Action { get; init; }

    /// <summary>What kind of object: <c>session</c>, <c>budget</c>, <c>region</c>, <c>stack</c>, <c>notebook</c>.</summary>
    public required string ObjectType { get; init; }

    public required string ObjectId { get; init; }

    /// <summary>The outcome in words (done, refused and why, what was deleted).</summary>
    public required string Detail { get; init; }

    public string? SourceIp { get; init; }

    public string? UserAgent { get; init; }

    /// <summary>The portal's actor for background work.</summary>
    public const string SystemActor = "system";
}
