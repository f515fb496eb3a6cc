using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Portal.Infra.Reaper;

/// <summary>Runs the <see cref="OrphanReaper"/> every <see cref="ReaperOptions.Interval"/>, on the portal's clock.</summary>
internal sealed partial class ReaperService(
    IServiceProvider services,
    IOptions<ReaperOptions> options,
    TimeProvider clock,
    ILogger<ReaperService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.Interval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await services.GetRequiredService<OrphanReaper>().ReapOnceAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not (OperationCanceledException or OutOfMemoryException))
                {
                    LogPassFailed(ex);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A reaper pass failed; trying again on the next tick")]
    private partial void LogPassFailed(Exception exception);
}
