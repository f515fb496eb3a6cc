using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Portal.Domain.Sessions;

namespace Portal.Infra.Compute;

/// <summary>
/// At start and then every half minute: the processes of live sessions are left to the step engine (it re-adopts them
/// through their pid files); processes no live step owns (a session stopped or deleted while the portal was down, a
/// step whose record was lost) are ended, and the folders of sessions that have ended are removed.
/// </summary>
internal sealed partial class LocalComputeJanitor(
    LocalComputePaths paths,
    ISessionStore store,
    TimeProvider clock,
    ILogger<LocalComputeJanitor> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);
    private readonly SemaphoreSlim _oneSweep = new(1, 1);

    /// <summary>One sweep over every session folder (one at a time); returns how many processes groups it asked to end.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        await _oneSweep.WaitAsync(cancellationToken);
        try
        {
            return await SweepOnceAsync(cancellationToken);
        }
        finally
        {
            _oneSweep.Release();
        }
    }

    private async Task<int> SweepOnceAsync(CancellationToken cancellationToken)
    {
        var ended = 0;
        foreach (var folder in paths.Sessions().ToList())
        {
            var session = await store.FindAsync(folder.Id, cancellationToken);
            var running = 0;
            foreach (var pidFile in Directory.EnumerateFiles(folder.Path, "*.pid"))
            {
                if (LocalProcess.Read(pidFile) is not { } record || !LocalProcess.IsRunning(record))
                {
                    continue;
                }

                running++;
                var step = Path.GetFileNameWithoutExtension(pidFile);
                if (session?.Steps.FirstOrDefault(s => s.ResourceName == step) is { MayHoldResources: true } && session.State != SessionState.Stopped)
                {
                    continue;
                }

                if (step == LocalAnalysisRunner.Step && session?.State == SessionState.Ready)
                {
                    // A headless run of a ready session's notebook.
                    continue;
                }

                // Nobody drives this process any more: TERM now, KILL at the next sweep.
                var asked = File.Exists(folder.StoppingFile(step));
                LocalSessionFolder.Mark(folder.StoppingFile(step), clock.GetUtcNow());
                LocalProcess.Signal(record, force: asked);
                LogOrphan(folder.Id.Value, step, record.Pid);
                ended++;
            }

            if (running == 0 && (session is null || session.State is SessionState.Stopped || (session.State is SessionState.Failed && !session.Steps.Any(s => s.MayHoldResources))))
            {
                TryDelete(folder.Path);
            }
        }

        return ended;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await SweepAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogSweepFailed(ex);
                }

                await Task.Delay(Interval, clock, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: the sessions' processes keep running; the next start adopts them.
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (IOException)
        {
            // A process still writing: the next sweep tries again.
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Session {SessionId}: ending {Step} (process group {Pid}), which no live step owns")]
    private partial void LogOrphan(string sessionId, string step, int pid);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The sweep of local compute processes failed; it runs again shortly")]
    private partial void LogSweepFailed(Exception exception);
}
