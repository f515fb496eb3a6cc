using Portal.Domain.Sessions;

namespace Portal.Infra.Sessions;

/// <summary>The result of a launch: the new session, or the reasons the request was refused.</summary>
public sealed record LaunchResult(SessionId? SessionId, IReadOnlyList<FieldError> Errors)
{
    public bool Succeeded => SessionId is not null;
}

/// <summary>What happened when someone asked to stop a session.</summary>
public enum StopResult
{
    Stopping,
    AlreadyStopped,
    NotFound,
}

/// <summary>A presigned notebook URL, or why there is none.</summary>
public sealed record NotebookLinkResult(Uri? Url, string? Problem);
