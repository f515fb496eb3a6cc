namespace Portal.Domain.Audit;

/// <summary>A page of entries, newest first: <paramref name="Entries"/> of <paramref name="Total"/> that match.</summary>
public sealed record AuditPage(IReadOnlyList<AuditEntry> Entries, int Total);
