using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Domain;
using Portal.Domain.Sessions;

namespace Portal.Infra.Orchestration;

/// <summary>
/// Drives every unfinished session forward from what is stored, so a portal restarted in the middle of
/// provisioning carries on where it was.
/// </summary>
internal sealed partial class SessionOrchestrationService(
    IServiceScopeFactory scopes,
    SessionWorkSignal signal,
    IOptions<OrchestrationOptions> options,
    TimeProvider clock,
    ILogger<SessionOrchestrationService> logger) : BackgroundService
{
    // Each session's pass mostly waits on the cloud and the database: many can wait side by side.
    private const int MaxParallelSessions = 16;

    private readonly SemaphoreSlim _slots = new(MaxParallelSessions);

    // Sessions a user's command is driving right now: passes leave them alone (both would be safe, fenced by the store,
    // but would race each other's cloud calls for nothing).
    private readonly ConcurrentDictionary<SessionId, byte> _driving = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var immediate = DriveRequestedAsync(stoppingToken);
        await PollAsync(stoppingToken);
        await immediate;
    }

    private async Task PollAsync(CancellationToken stoppingToken)
    {
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
            catch (StoreUnavailableException)
            {
                // The store said why once, when it happened (its database file is gone): every tick would repeat it.
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // One bad pass (database busy, network down) must not end the loop: try again on the next tick.
                LogPassFailed(ex);
            }
        }
        while (await WaitAsync(stoppingToken));
    }

    /// <summary>Drives each session a user just acted on at once, beside the passes (the engine fences concurrent drivers).</summary>
    private async Task DriveRequestedAsync(CancellationToken stoppingToken)
    {
        var running = new List<Task>();
        try
        {
            await foreach (var id in signal.Requests.ReadAllAsync(stoppingToken))
            {
                running.RemoveAll(t => t.IsCompleted);
                running.Add(DriveOneAsync(id, stoppingToken));
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }

        await Task.WhenAll(running);
    }

    private async Task DriveOneAsync(SessionId id, CancellationToken cancellationToken)
    {
        try
        {
            await _slots.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        // A user is waiting on this one: drive it now even if a pass has it too (the store fences the two), and keep
        // the passes off it meanwhile.
        _driving.TryAdd(id, 0);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<SessionOrchestrator>().DriveAsync(id, cancellationToken);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            if (!cancellationToken.IsCancellationRequested)
            {
                LogSessionPassFailed(ex, id.Value);
            }
        }
        finally
        {
            _driving.TryRemove(id, out _);
            _slots.Release();
        }
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
            if (!_driving.TryAdd(id, 0))
            {
                return;
            }

            try
            {
                await orchestrator.DriveAsync(id, ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogSessionPassFailed(ex, id.Value);
            }
            finally
            {
                _driving.TryRemove(id, out _);
            }
        });
    }

    public override void Dispose()
    {
        _slots.Dispose();
        base.Dispose();
    }

    /// <summary>Until the next tick; false once the portal stops.</summary>
    private async Task<bool> WaitAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(options.Value.PollInterval, clock, cancellationToken);
            return true;
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
