using System.Collections.Concurrent;
using Portal.Domain.Sessions;

namespace Portal.Web.Tests.Support;

/// <summary>Locality figures in a dictionary, for component tests (the real store is tested on both databases in Portal.Infra.Tests).</summary>
internal sealed class InMemorySessionLocalityStore : ISessionLocalityStore
{
    private readonly ConcurrentDictionary<SessionId, DataLocality> _figures = new();

    public Task SaveAsync(SessionId id, DataLocality locality, CancellationToken cancellationToken)
    {
        _figures[id] = locality;
        return Task.CompletedTask;
    }

    public Task<DataLocality?> FindAsync(SessionId id, CancellationToken cancellationToken) =>
        Task.FromResult(_figures.TryGetValue(id, out var figure) ? figure : null);
}
