using Portal.Domain.Budgets;

namespace Portal.Domain.Tests.Budgets;

public sealed class BudgetStatusTests
{
    private static readonly BudgetMonth May = new(2026, 5);
    private static readonly Budget TeamX = Budget.Create("team-x", "Team X", BudgetScope.Group("team-x"), 500m);

    [Theory]
    [InlineData(0, null, 0)]
    [InlineData(399.99, null, 79)]
    [InlineData(400, BudgetAction.Notify, 80)]
    [InlineData(499.99, BudgetAction.Notify, 99)]
    [InlineData(500, BudgetAction.RefuseLaunches, 100)]
    [InlineData(599.99, BudgetAction.RefuseLaunches, 119)]
    [InlineData(600, BudgetAction.StopSessions, 120)]
    [InlineData(5000, BudgetAction.StopSessions, 1000)]
    public void Each_threshold_is_reached_at_its_share_of_the_limit(decimal spend, BudgetAction? reached, int percent)
    {
        var status = new BudgetStatus(TeamX, May, spend);

        Assert.Equal(reached, status.Reached?.Action);
        Assert.Equal(percent, status.PercentUsed);
        foreach (var action in Enum.GetValues<BudgetAction>())
        {
            Assert.Equal(reached is { } r && action <= r, status.HasReached(action));
        }
    }

    [Fact]
    public void What_is_left_for_launches_is_counted_to_the_refusal_threshold()
    {
        var budget = Budget.Create("team-x", "Team X", BudgetScope.Group("team-x"), 500m, BudgetThreshold.ParseList("80:Notify,110:RefuseLaunches"));

        Assert.Equal(50m, new BudgetStatus(budget, May, 500m).LeftForLaunchesUsd);
        Assert.Equal(-10m, new BudgetStatus(budget, May, 560m).LeftForLaunchesUsd);
        Assert.Null(new BudgetStatus(Budget.Create("n", null, BudgetScope.Group("n"), 5m, BudgetThreshold.ParseList("80:Notify")), May, 1m).LeftForLaunchesUsd);
    }

    [Theory]
    [InlineData(100, "Budget 'Team X': $100.00 of $500.00 spent this month (20 %). At 80 % you are notified.")]
    [InlineData(410, "Budget 'Team X': $410.00 of $500.00 spent this month (82 %). At 100 % new launches are refused.")]
    [InlineData(512.5, "Budget 'Team X': $512.50 of $500.00 spent this month (102 %). New launches are refused until the month ends or an admin raises the budget; at 120 % running sessions are stopped.")]
    [InlineData(1234.5, "Budget 'Team X': $1,234.50 of $500.00 spent this month (246 %). Running sessions are stopped and new launches refused until the month ends or an admin raises the budget.")]
    public void The_banner_text_names_the_budget_spend_limit_and_what_happens_next(decimal spend, string expected) =>
        Assert.Equal(expected, new BudgetStatus(TeamX, May, spend).Describe());

    [Fact]
    public void A_month_runs_from_its_first_instant_in_UTC_to_the_next_months()
    {
        var month = BudgetMonth.Containing(new DateTimeOffset(2026, 5, 31, 23, 30, 0, TimeSpan.FromHours(-2)));

        Assert.Equal(new BudgetMonth(2026, 6), month);
        Assert.Equal("2026-06", month.Key);
        Assert.Equal(new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero), month.Start);
        Assert.Equal(new DateTimeOffset(2026, 7, 1, 0, 0, 0, TimeSpan.Zero), month.End);
    }
}
