namespace Portal.Domain.Sessions;

/// <summary>A launch: the request, an optional name, and the form's key for this one intent.</summary>
/// <param name="Name">The session's name; the default (<see cref="SessionName.Default"/>) when null or blank.</param>
/// <param name="LaunchKey">The form's key: every submit of one form carries the same key, so a double click launches once.</param>
/// <param name="AllowDuplicate">Launch even when an identical session of the actor's is running ("Launch another").</param>
public sealed record LaunchCommand(SessionRequest Request, string? Name = null, string? LaunchKey = null, bool AllowDuplicate = false);

/// <summary>The result of a launch: the session (new, or the one this launch key already made), or why there is none.</summary>
/// <param name="RunningDuplicate">An identical session of the actor's that is running; set when the launch waits for "Open it / Launch another".</param>
public sealed record LaunchResult(SessionId? SessionId, IReadOnlyList<FieldError> Errors, SessionId? RunningDuplicate = null)
{
    public bool Succeeded => SessionId is not null;
}

/// <summary>How a command on a session went.</summary>
public enum SessionCommandOutcome
{
    /// <summary>Done (or started: stops and retries take effect in the background).</summary>
    Done,

    /// <summary>Nothing to do: the session is already where the command would take it.</summary>
    Unchanged,

    /// <summary>The command does not fit the session now; the message says why.</summary>
    Refused,

    /// <summary>No such session, or not the actor's.</summary>
    NotFound,
}

/// <summary>The outcome of a command and a sentence for the user.</summary>
public sealed record SessionCommandResult(SessionCommandOutcome Outcome, string Message)
{
    public static SessionCommandResult NotFound { get; } = new(SessionCommandOutcome.NotFound, "This session does not exist, or it is not yours.");

    public bool Succeeded => Outcome is SessionCommandOutcome.Done or SessionCommandOutcome.Unchanged;
}

/// <summary>Extend a session: restart its idle deadline, or add whole hours to its lifetime.</summary>
/// <param name="Hours">0 to restart the idle deadline; otherwise the hours added to the lifetime.</param>
public sealed record SessionExtension(int Hours)
{
    public static SessionExtension Idle { get; } = new(0);
}

/// <summary>A presigned notebook URL, or why there is none.</summary>
public sealed record NotebookLinkResult(Uri? Url, string? Problem);

/// <summary>The rules sessions live by, set by the operator.</summary>
/// <param name="IdleTimeout">How long a ready session may be idle before it is stopped.</param>
/// <param name="WarningLead">How long before an automatic stop the user is warned.</param>
/// <param name="MaximumLifetime">The longest a session may live, extensions included.</param>
public sealed record SessionPolicy(TimeSpan IdleTimeout, TimeSpan WarningLead, TimeSpan MaximumLifetime);

/// <summary>A stack or notebook instance that belonged to no live session and was deleted by the reaper.</summary>
/// <param name="Kind">Stack or NotebookInstance.</param>
/// <param name="SessionTag">The session id its tags named, if any.</param>
public sealed record ReapedResource(string Kind, string Region, string Name, string? SessionTag, DateTimeOffset CreatedAt, DateTimeOffset ReapedAt, string Reason);
