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
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        options.Value.Enabled
            ? PeriodicPasses.RunAsync(options.Value.Interval, clock, token => services.GetRequiredService<OrphanReaper>().ReapOnceAsync(token), LogPassFailed, stoppingToken)
            : Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Error, Message = "A reaper pass failed; trying again on the next tick")]
    private partial void LogPassFailed(Exception exception);
}
