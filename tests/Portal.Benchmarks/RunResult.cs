using Portal.Domain.Sessions;

namespace Portal.Benchmarks;

/// <summary>What one run is asked to do.</summary>
/// <param name="PollInterval">The <c>Orchestration:PollInterval</c> to configure; null keeps the default.</param>
internal sealed record RunSettings(string Label, int Sessions, TimeSpan? PollInterval, TimeSpan Timeout);

/// <summary>One session that became Ready: its wall time and what it recorded.</summary>
/// <param name="LaunchToReady">From just before LaunchAsync to the read, after a change, that showed it Ready (Stopwatch).</param>
/// <param name="RecordedLaunchToReady">The session's own ReadyAt - CreatedAt.</param>
/// <param name="WaitBeforeFirstStep">CreatedAt to the first step's StartedAt: the wait for an orchestration pass.</param>
/// <param name="LongestStepMeasured">Max over steps of CompletedAt - StartedAt.</param>
/// <param name="LongestStepConfigured">Max over steps of the sandbox's configured create duration.</param>
internal sealed record ReadySession(
    string User,
    SessionId Id,
    int Steps,
    TimeSpan LaunchToReady,
    TimeSpan RecordedLaunchToReady,
    TimeSpan WaitBeforeFirstStep,
    TimeSpan LongestStepMeasured,
    TimeSpan LongestStepConfigured);

/// <summary>A session that did not become Ready within the run's bound, and where it stood.</summary>
internal sealed record UnreadySession(string User, SessionId? Id, string Where);

/// <summary>The outcome of one run.</summary>
/// <param name="PollInterval">The poll interval the host actually used (read back from its options).</param>
/// <param name="LongestStepConfigured">The longest create duration among the sandbox's settings for the steps a session has.</param>
internal sealed record RunResult(
    RunSettings Settings,
    TimeSpan PollInterval,
    TimeSpan LongestStepConfigured,
    TimeSpan Elapsed,
    IReadOnlyList<ReadySession> Ready,
    IReadOnlyList<UnreadySession> Unready);
