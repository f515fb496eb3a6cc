namespace Portal.Domain.Audit;

/// <summary>
/// The append-only audit log. There is deliberately no way to change or remove an entry; the databases refuse it too.
/// </summary>
public interface IAuditLog
{
    /// <summary>Adds an entry; its <see cref="AuditEntry.Id"/> is assigned by the store.</summary>
    Task AppendAsync(AuditEntry entry, CancellationToken cancellationToken);

    /// <summary>Entries that match, newest first: <paramref name="take"/> of them after skipping <paramref name="skip"/>.</summary>
    Task<AuditPage> ListAsync(AuditFilter filter, int skip, int take, CancellationToken cancellationToken);
}
