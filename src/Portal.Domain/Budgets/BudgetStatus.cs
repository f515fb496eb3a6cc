using System.Globalization;

namespace Portal.Domain.Budgets;

/// <summary>Where a budget stands in a month: what its users' sessions have cost, and which thresholds that reached.</summary>
public sealed record BudgetStatus(Budget Budget, BudgetMonth Month, decimal SpendUsd)
{
    /// <summary>Spend as a percentage of the monthly limit, in whole percent (rounded down).</summary>
    public int PercentUsed => (int)Math.Min(int.MaxValue, decimal.Floor(SpendUsd / Budget.MonthlyLimitUsd * 100m));

    /// <summary>The highest threshold the spend has reached, or null.</summary>
    public BudgetThreshold? Reached => Budget.Thresholds.LastOrDefault(t => SpendUsd >= Budget.AmountAt(t));

    /// <summary>The next threshold, or null when every one is reached.</summary>
    public BudgetThreshold? Next => Budget.Thresholds.FirstOrDefault(t => SpendUsd < Budget.AmountAt(t));

    public bool HasReached(BudgetAction action) => Budget.ThresholdFor(action) is { } threshold && SpendUsd >= Budget.AmountAt(threshold);

    /// <summary>
    /// What launches may still cost this month before the budget refuses them (limit × refusal threshold − spend; below
    /// zero once past it), or null when this budget never refuses launches.
    /// </summary>
    public decimal? LeftForLaunchesUsd => Budget.ThresholdFor(BudgetAction.RefuseLaunches) is { } refuse ? Budget.AmountAt(refuse) - SpendUsd : null;

    /// <summary>One sentence for a banner: the budget, spend, limit, and what happens next.</summary>
    public string Describe()
    {
        var head = $"Budget '{Budget.Name}': {Money.Usd(SpendUsd)} of {Money.Usd(Budget.MonthlyLimitUsd)} spent this month ({PercentUsed.ToString(CultureInfo.InvariantCulture)} %).";
        var stops = Budget.ThresholdFor(BudgetAction.StopSessions);
        var next = HasReached(BudgetAction.StopSessions)
            ? "Running sessions are stopped and new launches refused until the month ends or an admin raises the budget."
            : HasReached(BudgetAction.RefuseLaunches)
                ? "New launches are refused until the month ends or an admin raises the budget"
                  + (stops is null ? "." : $"; at {stops.Percent} % running sessions are stopped.")
                : Next is { } upcoming
                    ? $"At {upcoming.Percent} % {Consequence(upcoming.Action)}."
                    : string.Empty;
        return next.Length == 0 ? head : head + " " + next;
    }

    private static string Consequence(BudgetAction action) => action switch
    {
        BudgetAction.Notify => "you are notified",
        BudgetAction.RefuseLaunches => "new launches are refused",
        _ => "running sessions are stopped",
    };
}
