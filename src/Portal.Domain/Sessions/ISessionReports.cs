namespace Portal.Domain.Sessions;

/// <summary>
/// What a session's own processes (its notebook, its scheduler) may do with the session's token: read its cost, report
/// that it is busy, and report where its bytes went. The token opens this one session and nothing else.
/// </summary>
public interface ISessionReports
{
    /// <summary>The session, when <paramref name="token"/> is its valid token; otherwise null.</summary>
    Task<Session?> FindWithTokenAsync(SessionId id, string token, CancellationToken cancellationToken);

    /// <summary>Records activity (a Dask task, a notebook cell) at the portal's clock; false when the token is not the session's.</summary>
    Task<bool> ReportActivityAsync(SessionId id, string token, ActivitySource source, CancellationToken cancellationToken);

    /// <summary>
    /// Keeps <paramref name="locality"/> as the session's latest figure, received at the portal's clock (its
    /// <see cref="DataLocality.ReportedAt"/> is replaced), while the session is live; every region it names must be one
    /// of the session's pools.
    /// </summary>
    Task<LocalityReportResult> ReportLocalityAsync(SessionId id, string token, DataLocality locality, CancellationToken cancellationToken);
}

/// <summary>What reported activity.</summary>
public enum ActivitySource
{
    /// <summary>The Dask scheduler had tasks processing.</summary>
    Scheduler,

    /// <summary>The notebook ran a cell or the kernel was busy.</summary>
    Notebook,
}
