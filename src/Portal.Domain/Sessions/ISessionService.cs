using Portal.Domain.Costs;

namespace Portal.Domain.Sessions;

/// <summary>
/// What pages and the API do with sessions. Every call checks the actor again, whatever the page already checked; a
/// session the actor may not see answers exactly as one that does not exist.
/// </summary>
public interface ISessionService
{
    /// <summary>The rules every session is launched under (idle timeout, warning lead, lifetime limit).</summary>
    SessionPolicy Policy { get; }

    /// <summary>
    /// Launches one session per intent: a second call with the same launch key opens the first session; an identical
    /// request while such a session of the actor's runs is answered with that session unless the command allows another.
    /// </summary>
    Task<LaunchResult> LaunchAsync(Actor actor, LaunchCommand command, CancellationToken cancellationToken);

    /// <summary>The estimate for a request, even a partial one: regions come from the selected datasets.</summary>
    CostEstimate Estimate(PriceBook priceBook, SessionRequest request);

    Task<PriceBook> GetPriceBookAsync(CancellationToken cancellationToken);

    /// <summary>The session, or null when it does not exist or the actor may not see it.</summary>
    Task<Session?> FindAsync(Actor actor, SessionId id, CancellationToken cancellationToken);

    /// <summary>The actor's own sessions, newest first; an admin asking for everyone's gets every session, those that need attention first.</summary>
    Task<IReadOnlyList<Session>> ListAsync(Actor actor, bool everyone, CancellationToken cancellationToken);

    Task<IReadOnlyList<SessionEvent>> ListEventsAsync(Actor actor, SessionId id, CancellationToken cancellationToken);

    /// <summary>How long creating each kind of step usually takes, learnt from every earlier session (no one's details, only durations).</summary>
    Task<StepDurations> GetStepDurationsAsync(CancellationToken cancellationToken);

    /// <summary>The session's latest data locality figure; null before its first report, or when the actor may not see it.</summary>
    Task<DataLocality?> FindLocalityAsync(Actor actor, SessionId id, CancellationToken cancellationToken);

    /// <summary>Stop a running session, or cancel one that is still provisioning: everything started is deleted.</summary>
    Task<SessionCommandResult> StopAsync(Actor actor, SessionId id, CancellationToken cancellationToken);

    /// <summary>Retry a failed session: only what failed (or was cleaned up) is created again.</summary>
    Task<SessionCommandResult> RetryAsync(Actor actor, SessionId id, CancellationToken cancellationToken);

    /// <summary>Extend: the idle deadline starts again, or the lifetime grows by whole hours within the limit.</summary>
    Task<SessionCommandResult> ExtendAsync(Actor actor, SessionId id, SessionExtension extension, CancellationToken cancellationToken);

    Task<SessionCommandResult> RenameAsync(Actor actor, SessionId id, string name, CancellationToken cancellationToken);

    /// <summary>An admin has dealt with what blocked a clean-up: try deleting again.</summary>
    Task<SessionCommandResult> ResumeCleanUpAsync(Actor actor, SessionId id, CancellationToken cancellationToken);

    /// <summary>Asks the cloud for a fresh presigned notebook URL, at the moment the user clicks. Never log the URL.</summary>
    Task<NotebookLinkResult> CreateNotebookLinkAsync(Actor actor, SessionId id, CancellationToken cancellationToken);

    /// <summary>What the reaper found and deleted (admins only; empty for anyone else).</summary>
    Task<IReadOnlyList<ReapedResource>> ListReapedAsync(Actor actor, CancellationToken cancellationToken);
}
