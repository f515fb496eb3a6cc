using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Portal.Infra.Budgets;

/// <summary>Runs the <see cref="BudgetEnforcer"/> every <see cref="BudgetOptions.Interval"/>, on the portal's clock.</summary>
internal sealed partial class BudgetEnforcementService(
    BudgetEnforcer enforcer,
    IOptions<BudgetOptions> options,
    TimeProvider clock,
    ILogger<BudgetEnforcementService> logger) : BackgroundService
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
                    await enforcer.RunOnceAsync(stoppingToken);
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

    [LoggerMessage(Level = LogLevel.Error, Message = "A budget pass failed; trying again on the next tick")]
    private partial void LogPassFailed(Exception exception);
}
