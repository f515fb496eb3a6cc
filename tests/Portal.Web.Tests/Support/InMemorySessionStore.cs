using Portal.Domain.Sessions;

namespace Portal.Web.Tests.Support;

/// <summary>A session store in a list, for component tests (the real one is tested against SQLite in Portal.Infra.Tests).</summary>
internal sealed class InMemorySessionStore : ISessionStore
{
    private readonly List<Session> _sessions = [];
    private readonly List<SessionEvent> _events = [];

    public IReadOnlyList<Session> Sessions => _sessions;

    public Task<SessionId> AddAsync(Session session, CancellationToken cancellationToken)
    {
        if (session.LaunchKey is { } key && _sessions.FirstOrDefault(s => s.Owner == session.Owner && s.LaunchKey == key) is { } earlier)
        {
            return Task.FromResult(earlier.Id);
        }

        _sessions.Add(session);
        return Task.FromResult(session.Id);
    }

    public Task<string?> FindStepDocumentAsync(SessionId id, string resourceName, CancellationToken cancellationToken) =>
        Task.FromResult(_sessions.FirstOrDefault(s => s.Id == id)?.Steps.FirstOrDefault(step => step.ResourceName == resourceName)?.Spec.Document);

    public Task<Session?> FindByLaunchKeyAsync(string owner, string launchKey, CancellationToken cancellationToken) =>
        Task.FromResult(_sessions.FirstOrDefault(s => s.Owner == owner && s.LaunchKey == launchKey));

    public Task<Session?> FindAsync(SessionId id, CancellationToken cancellationToken) =>
        Task.FromResult(_sessions.FirstOrDefault(s => s.Id == id));

    public Task<Session?> UpdateAsync(SessionId id, Action<Session> change, CancellationToken cancellationToken)
    {
        var session = _sessions.FirstOrDefault(s => s.Id == id);
        if (session is not null)
        {
            change(session);
        }

        return Task.FromResult(session);
    }

    public Task<IReadOnlyList<Session>> ListAsync(string? owner, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Session>>([.. _sessions.Where(s => owner is null || s.Owner == owner).OrderByDescending(s => s.CreatedAt)]);

    public Task<IReadOnlyList<SessionId>> ListNeedingWorkAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<SessionId>>([.. _sessions.Where(Session.NeedsDrivingAt(now).Compile()).Select(s => s.Id)]);

    public Task AppendEventsAsync(IReadOnlyCollection<SessionEvent> events, CancellationToken cancellationToken)
    {
        _events.AddRange(events);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<SessionEvent>> ListEventsAsync(SessionId id, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<SessionEvent>>([.. _events.Where(e => e.SessionId == id)]);
}
