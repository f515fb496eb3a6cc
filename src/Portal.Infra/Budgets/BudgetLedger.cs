using Portal.Domain.Budgets;
using Portal.Domain.Sessions;

namespace Portal.Infra.Budgets;

/// <summary>
/// This month's spend against every budget: the cost each session accrued within the calendar month (UTC), added up for
/// the budgets that cover its owner (theirs and their groups'). Read by the launch check, the enforcer and the pages.
/// </summary>
internal sealed class BudgetLedger(IBudgetStore budgets, ISessionStore sessions, TimeProvider clock) : IBudgetReports
{
    /// <summary>Every budget's status now, with the sessions that count against each.</summary>
    public async Task<IReadOnlyList<(BudgetStatus Status, IReadOnlyList<Session> Sessions)>> ListAllAsync(CancellationToken cancellationToken)
    {
        var all = await budgets.ListAsync(cancellationToken);
        if (all.Count == 0)
        {
            return [];
        }

        var now = clock.GetUtcNow();
        var month = BudgetMonth.Containing(now);
        var costing = await sessions.ListCostingSinceAsync(month.Start, cancellationToken);
        return [.. all.Select(budget =>
        {
            var covered = costing.Where(s => budget.Scope.Covers(s.Owner, s.OwnerGroups)).ToList();
            return (new BudgetStatus(budget, month, covered.Sum(s => s.CostWithinUsd(month.Start, month.End, now))), (IReadOnlyList<Session>)covered);
        })];
    }

    /// <summary>This month's status of the budgets that cover <paramref name="ownerId"/> and <paramref name="groups"/>.</summary>
    public async Task<IReadOnlyList<BudgetStatus>> ListForAsync(string ownerId, IReadOnlyCollection<string> groups, CancellationToken cancellationToken)
    {
        var all = await budgets.ListAsync(cancellationToken);
        var mine = all.Where(b => b.Scope.Covers(ownerId, groups)).ToList();
        if (mine.Count == 0)
        {
            return [];
        }

        var now = clock.GetUtcNow();
        var month = BudgetMonth.Containing(now);
        var costing = await sessions.ListCostingSinceAsync(month.Start, cancellationToken);
        return [.. mine.Select(budget => new BudgetStatus(
            budget,
            month,
            costing.Where(s => budget.Scope.Covers(s.Owner, s.OwnerGroups)).Sum(s => s.CostWithinUsd(month.Start, month.End, now))))];
    }

    public Task<IReadOnlyList<BudgetStatus>> ListMineAsync(Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return ListForAsync(actor.Id, actor.Groups, cancellationToken);
    }
}
