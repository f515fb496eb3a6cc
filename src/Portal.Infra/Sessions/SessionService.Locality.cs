using Microsoft.Extensions.Logging;
using Portal.Domain.Sessions;

namespace Portal.Infra.Sessions;

/// <summary>The session's measured data locality: reported with its token by its own processes, read by its owner.</summary>
internal sealed partial class SessionService
{
    public async Task<DataLocality?> FindLocalityAsync(Actor actor, SessionId id, CancellationToken cancellationToken) =>
        await FindAsync(actor, id, cancellationToken) is null ? null : await localities.FindAsync(id, cancellationToken);

    public async Task<LocalityReportResult> ReportLocalityAsync(SessionId id, string token, DataLocality locality, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(locality);
        if (await FindWithTokenAsync(id, token, cancellationToken) is not { } session)
        {
            return LocalityReportResult.BadToken;
        }

        // A session that has ended (stopped, or failed and cleaned up) has nothing running that could measure anything.
        if (session.HasEnded)
        {
            return LocalityReportResult.NotLive(session.State);
        }

        var pools = session.PoolRegions;
        if (locality.RegionOutside(pools) is { } unknown)
        {
            return LocalityReportResult.UnknownRegion(unknown, pools);
        }

        await localities.SaveAsync(id, locality with { ReportedAt = clock.GetUtcNow() }, cancellationToken);
        LogLocality(id.Value, locality.Pools.Count, locality.RawBytesBetweenRegions);
        await notifier.PublishAsync(session);
        return LocalityReportResult.Accepted;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Session {SessionId}: data locality reported for {PoolCount} pool(s), {RawBytes} raw bytes between regions")]
    private partial void LogLocality(string sessionId, int poolCount, decimal rawBytes);
}
