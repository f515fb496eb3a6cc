using Portal.Domain.Sessions;

namespace Portal.Domain.Budgets;

/// <summary>One session's cost within one month.</summary>
public sealed record SessionMonthCost(Session Session, decimal CostUsd);

/// <summary>What a user's sessions cost in one calendar month (UTC), and which sessions it was.</summary>
public sealed record MonthCost(BudgetMonth Month, IReadOnlyList<SessionMonthCost> Sessions)
{
    public decimal TotalUsd => Sessions.Sum(s => s.CostUsd);
}

/// <summary>Cost per month from sessions: each session split at month boundaries by when its resources existed.</summary>
public static class MonthlyCosts
{
    /// <summary>
    /// The <paramref name="months"/> calendar months up to and including the one holding <paramref name="now"/>,
    /// newest first; a month no session cost anything in is still listed (with nothing in it).
    /// </summary>
    public static IReadOnlyList<MonthCost> For(IEnumerable<Session> sessions, DateTimeOffset now, int months)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        var all = sessions.ToList();
        var month = BudgetMonth.Containing(now);
        var result = new List<MonthCost>(Math.Max(0, months));
        for (var i = 0; i < months; i++)
        {
            var costs = all
                .Select(s => new SessionMonthCost(s, s.CostWithinUsd(month.Start, month.End, now)))
                .Where(c => c.CostUsd > 0)
                .OrderByDescending(c => c.CostUsd)
                .ToList();
            result.Add(new MonthCost(month, costs));
            month = BudgetMonth.Containing(month.Start.AddDays(-1));
        }

        return result;
    }
}
