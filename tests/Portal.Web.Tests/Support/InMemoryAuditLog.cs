using Portal.Domain.Audit;

namespace Portal.Web.Tests.Support;

/// <summary>The audit log in memory, for component tests: append and read, with the domain's filter.</summary>
internal sealed class InMemoryAuditLog : IAuditLog
{
    private readonly List<AuditEntry> _entries = [];
    private readonly Lock _gate = new();

    public Task AppendAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _entries.Add(entry with { Id = _entries.Count + 1 });
        }

        return Task.CompletedTask;
    }

    public Task<AuditPage> ListAsync(AuditFilter filter, int skip, int take, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var matching = _entries.Where(filter.Matches).OrderByDescending(e => e.At).ThenByDescending(e => e.Id).ToList();
            return Task.FromResult(new AuditPage([.. matching.Skip(skip).Take(take)], matching.Count));
        }
    }
}
