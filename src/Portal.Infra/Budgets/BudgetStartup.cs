using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Portal.Domain.Budgets;

namespace Portal.Infra.Budgets;

/// <summary>
/// Seeds the configured budgets (<see cref="BudgetSettings"/>) at start, after the migrator: a configured budget is written
/// only when no budget with its id is stored, so what an admin changed on the Budgets page stays. (An admin who deletes a
/// configured budget sees it again at the next start unless it leaves the configuration too.)
/// </summary>
internal sealed partial class BudgetStartup(BudgetSettings settings, IBudgetStore store, ILogger<BudgetStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (settings.Budgets.Count == 0)
        {
            return;
        }

        var stored = (await store.ListAsync(cancellationToken)).Select(b => b.Id).ToHashSet(StringComparer.Ordinal);
        var added = 0;
        foreach (var budget in settings.Budgets.Where(b => !stored.Contains(b.Id)))
        {
            await store.UpsertAsync(budget, cancellationToken);
            added++;
        }

        LogSeeded(added, settings.Budgets.Count - added);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "{Added} budget(s) from configuration written to the database; {Kept} already stored were left as they are")]
    private partial void LogSeeded(int added, int kept);
}
