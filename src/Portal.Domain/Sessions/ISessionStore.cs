namespace Portal.Domain.Sessions;

/// <summary>The durable home of sessions and their events.</summary>
public interface ISessionStore
{
    /// <summary>
    /// Stores a new session, unless its owner already has a session with the same launch key: then nothing is stored and
    /// that session's id is returned (two submits of one form racing each other make one session).
    /// </summary>
    Task<SessionId> AddAsync(Session session, CancellationToken cancellationToken);

    Task<Session?> FindAsync(SessionId id, CancellationToken cancellationToken);

    /// <summary>
    /// The document a step recorded at launch (its notebook), kept apart from the session so that loading a session does
    /// not load it; null when the step has none.
    /// </summary>
    Task<string?> FindStepDocumentAsync(SessionId id, string resourceName, CancellationToken cancellationToken);

    /// <summary>The owner's session launched with <paramref name="launchKey"/>, or null.</summary>
    Task<Session?> FindByLaunchKeyAsync(string owner, string launchKey, CancellationToken cancellationToken);

    /// <summary>Loads a session, applies <paramref name="change"/> and saves it in one unit of work.</summary>
    /// <returns>The session as saved, or null when it does not exist.</returns>
    Task<Session?> UpdateAsync(SessionId id, Action<Session> change, CancellationToken cancellationToken);

    /// <summary>Newest first; <paramref name="owner"/> null means every user's sessions.</summary>
    Task<IReadOnlyList<Session>> ListAsync(string? owner, CancellationToken cancellationToken);

    /// <summary>Sessions the background service must move on (see <see cref="Session.NeedsDrivingAt"/>).</summary>
    Task<IReadOnlyList<SessionId>> ListNeedingWorkAsync(DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Sessions that may have cost something since <paramref name="since"/>: provisioning began, and they had not stopped
    /// costing by then (for budgets). Stores should override the default, which reads every session.
    /// </summary>
    async Task<IReadOnlyList<Session>> ListCostingSinceAsync(DateTimeOffset since, CancellationToken cancellationToken) =>
        [.. (await ListAsync(owner: null, cancellationToken)).Where(s => s.CostingSince is not null && (s.EndedAt is null || s.EndedAt >= since))];

    /// <summary>Stores events; an event whose <see cref="SessionEvent.ExternalId"/> is already stored is skipped.</summary>
    Task AppendEventsAsync(IReadOnlyCollection<SessionEvent> events, CancellationToken cancellationToken);

    /// <summary>The session's events in the order they happened.</summary>
    Task<IReadOnlyList<SessionEvent>> ListEventsAsync(SessionId id, CancellationToken cancellationToken);
}
