namespace Portal.Infra;

/// <summary>The loop of a background service that does one pass every interval on the portal's clock.</summary>
internal static class PeriodicPasses
{
    /// <summary>
    /// Runs <paramref name="pass"/> at every tick until <paramref name="stoppingToken"/> is cancelled. A failed pass is
    /// handed to <paramref name="failed"/> and the next tick tries again; cancellation at shutdown ends the loop quietly.
    /// </summary>
    public static async Task RunAsync(
        TimeSpan interval, TimeProvider clock, Func<CancellationToken, Task> pass, Action<Exception> failed, CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(interval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await pass(stoppingToken);
                }
                catch (Exception ex) when (ex is not (OperationCanceledException or OutOfMemoryException))
                {
                    failed(ex);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }
}
