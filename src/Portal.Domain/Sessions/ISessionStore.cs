namespace Portal.Domain.Sessions;

/// <summary>The durable home of sessions and their events.</summary>
public interface ISessionStore
{
    Task AddAsync(Session session, CancellationToken cancellationToken);

    Task<Session?> FindAsync(SessionId id, CancellationToken cancellationToken);

    /// <summary>Loads a session, applies <paramref name="change"/> and saves it in one unit of work.</summary>
    /// <returns>The session as saved, or null when it does not exist.</returns>
    Task<Session?> UpdateAsync(SessionId id, Action<Session> change, CancellationToken cancellationToken);

    /// <summary>Newest first; <paramref name="owner"/> null means every user's sessions.</summary>
    Task<IReadOnlyList<Session>> ListAsync(string? owner, CancellationToken cancellationToken);

    /// <summary>Sessions the background service must move on: unfinished ones, and ready ones past their expiry.</summary>
    Task<IReadOnlyList<SessionId>> ListNeedingWorkAsync(DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Stores events; an event whose <see cref="SessionEvent.ExternalId"/> is already stored is skipped.</summary>
    Task AppendEventsAsync(IReadOnlyCollection<SessionEvent> events, CancellationToken cancellationToken);

    /// <summary>The session's events in the order they happened.</summary>
    Task<IReadOnlyList<SessionEvent>> ListEventsAsync(SessionId id, CancellationToken cancellationToken);
}
