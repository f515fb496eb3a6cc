using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Domain.Sessions;

namespace Portal.Infra.Orchestration;

/// <summary>
/// Drives every unfinished session forward from what is stored, so a portal restarted in the middle of
/// provisioning carries on where it was.
/// </summary>
internal sealed partial class SessionOrchestrationService(
    IServiceScopeFactory scopes,
    IOptions<OrchestrationOptions> options,
    TimeProvider clock,
    ILogger<SessionOrchestrationService> logger) : BackgroundService
{
    private const int MaxParallelSessions = 4;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PollInterval, clock);
        do
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // One bad pass (database busy, network down) must not end the loop: try again on the next tick.
                LogPassFailed(ex);
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    /// <summary>One pass over every session that needs work.</summary>
    public async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<ISessionStore>();
        var orchestrator = scope.ServiceProvider.GetRequiredService<SessionOrchestrator>();
        var ids = await store.ListNeedingWorkAsync(clock.GetUtcNow(), cancellationToken);
        await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = MaxParallelSessions, CancellationToken = cancellationToken }, async (id, ct) =>
        {
            try
            {
                await orchestrator.DriveAsync(id, ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogSessionPassFailed(ex, id.Value);
            }
        });
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken cancellationToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A pass over the unfinished sessions failed; retrying on the next tick")]
    private partial void LogPassFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Driving session {SessionId} failed; retrying on the next tick")]
    private partial void LogSessionPassFailed(Exception exception, string sessionId);
}
