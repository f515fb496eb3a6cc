using Portal.Domain.Budgets;

namespace Portal.Domain.Tests.Budgets;

public sealed class BudgetCheckTests
{
    private static readonly BudgetMonth May = new(2026, 5);
    private static readonly Budget TeamX = Budget.Create("team-x", "Team X", BudgetScope.Group("team-x"), 500m);
    private static readonly Budget Ada = Budget.Create("ada", "Ada", BudgetScope.User("local:ada"), 1000m);

    [Fact]
    public void A_launch_that_could_cost_more_than_is_left_is_refused_saying_by_how_much_and_who_can_raise_the_budget()
    {
        // 500 × 100 % − 480 spent = 20.00 left; 123.45 − 20.00 = 103.45 too much.
        var decision = BudgetCheck.ForLaunch([new BudgetStatus(TeamX, May, 480m)], actorIsAdmin: false, 123.45m, 8, "finops@example.org");

        Assert.False(decision.IsAllowed);
        Assert.Equal(TeamX, decision.RefusedBy?.Budget);
        Assert.Equal(
            "This launch could cost up to $123.45 for its 8 hours; your group's budget 'Team X' has $20.00 left this month (of $500.00): $103.45 too much. "
            + "Ask an admin (finops@example.org) to raise the budget, or choose fewer workers or hours.",
            decision.Message);
    }

    [Fact]
    public void A_launch_when_the_refusal_threshold_is_passed_is_refused_with_the_whole_overrun()
    {
        // Refusal at 500.00; 510.00 spent leaves −10.00; 30.00 + 10.00 = 40.00 too much.
        var decision = BudgetCheck.ForLaunch([new BudgetStatus(Ada, May, 1010m)], actorIsAdmin: false, 30m, 1, adminContact: null);

        Assert.Equal(
            "This launch could cost up to $30.00 for its 1 hour; your budget 'Ada' has nothing left this month: $1,010.00 spent of $1,000.00, "
            + "and launches stop at 100 %: $40.00 too much. Ask an admin to raise the budget, or choose fewer workers or hours.",
            decision.Message);
    }

    [Fact]
    public void A_launch_that_fits_exactly_goes_ahead()
    {
        Assert.True(BudgetCheck.ForLaunch([new BudgetStatus(TeamX, May, 480m)], false, 20m, 8, null).IsAllowed);
        Assert.True(BudgetCheck.ForLaunch([], false, 1_000_000m, 8, null).IsAllowed);
    }

    [Fact]
    public void The_users_own_budget_and_their_groups_budget_both_apply_and_the_tighter_one_refuses()
    {
        // Ada: 1000 − 100 = 900 left; Team X: 500 − 480 = 20 left.
        BudgetStatus[] both = [new(Ada, May, 100m), new(TeamX, May, 480m)];

        Assert.True(BudgetCheck.ForLaunch(both, false, 20m, 4, null).IsAllowed);
        Assert.Equal(TeamX, BudgetCheck.ForLaunch(both, false, 50m, 4, null).RefusedBy?.Budget);

        // Now Ada's own is the tighter one.
        BudgetStatus[] ownTighter = [new(Ada, May, 990m), new(TeamX, May, 0m)];
        var decision = BudgetCheck.ForLaunch(ownTighter, false, 50m, 4, null);
        Assert.Equal(Ada, decision.RefusedBy?.Budget);
        Assert.Contains("your budget 'Ada' has $10.00 left this month (of $1,000.00): $40.00 too much.", decision.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Admins_are_held_to_budgets_unless_the_budget_exempts_them()
    {
        var exempting = Budget.Create("ops", "Ops", BudgetScope.Group("ops"), 100m, exemptAdmins: true);

        Assert.False(BudgetCheck.ForLaunch([new BudgetStatus(TeamX, May, 500m)], actorIsAdmin: true, 1m, 1, null).IsAllowed);
        Assert.True(BudgetCheck.ForLaunch([new BudgetStatus(exempting, May, 500m)], actorIsAdmin: true, 1m, 1, null).IsAllowed);
        Assert.False(BudgetCheck.ForLaunch([new BudgetStatus(exempting, May, 500m)], actorIsAdmin: false, 1m, 1, null).IsAllowed);
    }

    [Fact]
    public void A_budget_without_a_refusal_threshold_never_refuses_launches()
    {
        var notifyOnly = Budget.Create("n", "N", BudgetScope.Group("n"), 10m, BudgetThreshold.ParseList("80:Notify,200:StopSessions"));

        Assert.True(BudgetCheck.ForLaunch([new BudgetStatus(notifyOnly, May, 15m)], false, 100m, 8, null).IsAllowed);
    }
}
