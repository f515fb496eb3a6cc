using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Domain.Cloud;
using Portal.Domain.Sessions;
using Portal.Infra.Sessions;

namespace Portal.Infra.Sandbox;

/// <summary>
/// Simulated compute: while a session is marked busy, its "scheduler" reports activity every
/// <see cref="SandboxOptions.ActivityInterval"/> through <see cref="ISessionReports"/> with the session's own token, as
/// the real scheduler plugin does over HTTP. The marks live in memory: a restarted sandbox starts idle.
/// </summary>
internal sealed partial class SandboxCompute(
    ISessionStore store,
    ISessionReports reports,
    SessionCostTokens tokens,
    IOptions<SandboxOptions> options,
    TimeProvider clock,
    ILogger<SandboxCompute> logger) : BackgroundService, ISandboxCompute
{
    private readonly ConcurrentDictionary<SessionId, bool> _busy = new();

    public bool IsBusy(SessionId id) => _busy.ContainsKey(id);

    public void SetBusy(SessionId id, bool busy)
    {
        if (busy)
        {
            _busy[id] = true;
            _ = ReportAsync(id, CancellationToken.None);
        }
        else
        {
            _busy.TryRemove(id, out _);
        }
    }

    /// <summary>One report for every busy session; sessions that are no longer ready stop being busy.</summary>
    public async Task ReportOnceAsync(CancellationToken cancellationToken)
    {
        foreach (var id in _busy.Keys)
        {
            await ReportAsync(id, cancellationToken);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await Task.Delay(options.Value.ActivityInterval, clock, stoppingToken);
                await ReportOnceAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    private async Task ReportAsync(SessionId id, CancellationToken cancellationToken)
    {
        try
        {
            var session = await store.FindAsync(id, cancellationToken);
            if (session is not { State: SessionState.Ready })
            {
                _busy.TryRemove(id, out _);
                return;
            }

            await reports.ReportActivityAsync(id, tokens.Issue(session), ActivitySource.Scheduler, cancellationToken);
        }
        catch (Exception ex) when (ex is not (OperationCanceledException or OutOfMemoryException))
        {
            LogReportFailed(ex, id.Value);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The sandbox could not report activity for session {SessionId}")]
    private partial void LogReportFailed(Exception exception, string sessionId);
}
