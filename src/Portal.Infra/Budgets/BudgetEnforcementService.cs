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
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        options.Value.Enabled
            ? PeriodicPasses.RunAsync(options.Value.Interval, clock, token => enforcer.RunOnceAsync(token), LogPassFailed, stoppingToken)
            : Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Error, Message = "A budget pass failed; trying again on the next tick")]
    private partial void LogPassFailed(Exception exception);
}
