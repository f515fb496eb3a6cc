namespace Portal.Infra.Persistence;

/// <summary>
/// A row of <c>AuditEntries</c>. Only ever inserted: <see cref="EfAuditLog"/> has no update or delete, and a trigger
/// on each database refuses both.
/// </summary>
internal sealed class AuditEntryRecord
{
    public long Id { get; set; }

    public DateTimeOffset At { get; set; }

    public required string ActorId { get; set; }

    public required string ActorName { get; set; }

    public required string Action { get; set; }

    public required string ObjectType { get; set; }

    public required string ObjectId { get; set; }

    public required string Detail { get; set; }

    public string? SourceIp { get; set; }

    public string? UserAgent { get; set; }
}
