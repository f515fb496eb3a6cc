using Portal.Domain.Sessions;

namespace Portal.Domain.Budgets;

/// <summary>What the pages show about budgets.</summary>
public interface IBudgetReports
{
    /// <summary>This month's status of every budget that applies to <paramref name="actor"/> (their own and their groups').</summary>
    Task<IReadOnlyList<BudgetStatus>> ListMineAsync(Actor actor, CancellationToken cancellationToken);
}
