using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Portal.Domain.Budgets;

namespace Portal.Infra.Budgets;

/// <summary>
/// Writes the configured budgets (<see cref="BudgetSettings"/>) to the database at start, after the migrator: each one
/// replaces the stored budget with its id; budgets made elsewhere are left alone.
/// </summary>
internal sealed partial class BudgetStartup(BudgetSettings settings, IBudgetStore store, ILogger<BudgetStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var budget in settings.Budgets)
        {
            await store.UpsertAsync(budget, cancellationToken);
        }

        if (settings.Budgets.Count > 0)
        {
            LogSeeded(settings.Budgets.Count);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} budget(s) from configuration written to the database")]
    private partial void LogSeeded(int count);
}
