using Portal.Domain.Sessions;

namespace Portal.Domain.Cloud;

/// <summary>
/// "Run analysis": the session's generated notebook executed headless inside the session (its kernel, its Dask cluster),
/// and what it drew. Only sessions with real compute in the sandbox can run it; on AWS the notebook runs in SageMaker.
/// </summary>
public interface ISessionAnalysis
{
    /// <summary>True when <paramref name="session"/> runs real processes this portal can execute its notebook beside.</summary>
    bool CanRun(Session session);

    /// <summary>Starts a run (the owner only, the session Ready); a run already going on is left to finish.</summary>
    Task<AnalysisStart> StartAsync(Actor actor, SessionId id, CancellationToken cancellationToken);

    /// <summary>The latest run of a session the actor may see, or null when there was none.</summary>
    Task<AnalysisRun?> FindAsync(Actor actor, SessionId id, CancellationToken cancellationToken);

    /// <summary>A figure of the latest run (PNG bytes), or null when there is no such figure or the session is not the actor's to see.</summary>
    Task<byte[]?> ReadFigureAsync(Actor actor, SessionId id, string name, CancellationToken cancellationToken);
}

/// <summary>Whether a run started, and if not, why (for the page).</summary>
public sealed record AnalysisStart(bool Started, string Message);

/// <summary>Where a run of the notebook is.</summary>
public enum AnalysisStatus
{
    Running,
    Succeeded,
    Failed,
}

/// <summary>One run of the notebook: its status, how long it took, the cell that failed and why, the figures it drew.</summary>
/// <param name="Figures">The figures' names (<c>figure-1.png</c>…), in the order the cells drew them.</param>
/// <param name="Output">What the cells printed, in order, for the page's "Details".</param>
public sealed record AnalysisRun(
    AnalysisStatus Status,
    DateTimeOffset StartedAt,
    double? Seconds,
    string? FailedCell,
    string? Error,
    IReadOnlyList<string> Figures,
    string Output);
