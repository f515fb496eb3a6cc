using System.Globalization;

namespace Portal.Domain.Budgets;

/// <summary>Whether a launch (or a retry) fits every budget that applies; when it does not, why, and by how much.</summary>
/// <param name="RefusedBy">The first budget that refuses it, or null when it may go ahead.</param>
public sealed record BudgetDecision(BudgetStatus? RefusedBy, string? Message)
{
    public static BudgetDecision Allowed { get; } = new(null, null);

    public bool IsAllowed => RefusedBy is null;
}

/// <summary>The budget rule for launches: all applicable budgets must leave room for the launch's most expensive outcome.</summary>
public static class BudgetCheck
{
    /// <summary>
    /// A launch is refused when a budget has reached its <see cref="BudgetAction.RefuseLaunches"/> threshold, or when what
    /// it could cost over its maximum hours is more than what is left before that threshold
    /// (<see cref="BudgetStatus.LeftForLaunchesUsd"/>). A budget with <see cref="Budget.ExemptAdmins"/> lets admins through.
    /// </summary>
    /// <param name="statuses">This month's status of every budget that covers the session's owner (user and groups).</param>
    /// <param name="costUpToUsd">The estimate for the session's maximum hours.</param>
    /// <param name="adminContact">Who raises budgets (an address or a team), or null for "an admin".</param>
    public static BudgetDecision ForLaunch(IEnumerable<BudgetStatus> statuses, bool actorIsAdmin, decimal costUpToUsd, int hours, string? adminContact)
    {
        ArgumentNullException.ThrowIfNull(statuses);
        foreach (var status in statuses.OrderBy(s => s.LeftForLaunchesUsd ?? decimal.MaxValue))
        {
            if ((actorIsAdmin && status.Budget.ExemptAdmins) || status.LeftForLaunchesUsd is not { } left)
            {
                continue;
            }

            if (status.HasReached(BudgetAction.RefuseLaunches) || costUpToUsd > left)
            {
                return new BudgetDecision(status, Refusal(status, left, costUpToUsd, hours, adminContact));
            }
        }

        return BudgetDecision.Allowed;
    }

    private static string Refusal(BudgetStatus status, decimal left, decimal costUpToUsd, int hours, string? adminContact)
    {
        var budget = status.Budget;
        var whose = budget.Scope.IsGroup ? $"your group's budget '{budget.Name}'" : $"your budget '{budget.Name}'";
        var room = left > 0
            ? $"{whose} has {Money.Usd(left)} left this month (of {Money.Usd(budget.MonthlyLimitUsd)})"
            : $"{whose} has nothing left this month: {Money.Usd(status.SpendUsd)} spent of {Money.Usd(budget.MonthlyLimitUsd)}, and launches stop at {budget.ThresholdFor(BudgetAction.RefuseLaunches)!.Percent} %";
        var who = string.IsNullOrWhiteSpace(adminContact) ? "an admin" : $"an admin ({adminContact.Trim()})";
        var hoursText = hours == 1 ? "1 hour" : string.Create(CultureInfo.InvariantCulture, $"{hours} hours");
        return $"This launch could cost up to {Money.Usd(costUpToUsd)} for its {hoursText}; {room}: {Money.Usd(costUpToUsd - left)} too much. "
               + $"Ask {who} to raise the budget, or choose fewer workers or hours.";
    }
}
