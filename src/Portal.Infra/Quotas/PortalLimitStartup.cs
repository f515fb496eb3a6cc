using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Portal.Domain.Quotas;

namespace Portal.Infra.Quotas;

/// <summary>Writes the configured portal limits (<see cref="PortalLimitSettings"/>) to the database at start, after the migrator.</summary>
internal sealed partial class PortalLimitStartup(PortalLimitSettings settings, IPortalLimitStore store, ILogger<PortalLimitStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var limits in settings.Limits)
        {
            await store.UpsertAsync(limits, cancellationToken);
        }

        if (settings.Limits.Count > 0)
        {
            LogSeeded(settings.Limits.Count);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} portal limit scope(s) from configuration written to the database")]
    private partial void LogSeeded(int count);
}
