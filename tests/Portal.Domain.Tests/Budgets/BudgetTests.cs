using Portal.Domain.Budgets;

namespace Portal.Domain.Tests.Budgets;

public sealed class BudgetTests
{
    private static readonly BudgetScope TeamX = BudgetScope.Group("team-x");

    [Fact]
    public void A_budget_without_thresholds_notifies_at_80_refuses_launches_at_100_and_stops_sessions_at_120_percent()
    {
        var budget = Budget.Create("team-x", "Team X", TeamX, 500m);

        Assert.Equal(
            [(80, BudgetAction.Notify, 400m), (100, BudgetAction.RefuseLaunches, 500m), (120, BudgetAction.StopSessions, 600m)],
            budget.Thresholds.Select(t => (t.Percent, t.Action, budget.AmountAt(t))));
        Assert.False(budget.ExemptAdmins);
    }

    [Fact]
    public void Thresholds_are_configurable_per_budget_and_an_action_may_be_left_out()
    {
        var budget = Budget.Create("ada", null, BudgetScope.User("local:ada"), 100m, BudgetThreshold.ParseList("50:Notify, 150:StopSessions"));

        Assert.Equal("ada", budget.Name);
        Assert.Equal("50:Notify,150:StopSessions", BudgetThreshold.Format(budget.Thresholds));
        Assert.Null(budget.ThresholdFor(BudgetAction.RefuseLaunches));
    }

    [Theory]
    [InlineData("0:Notify", "the Notify threshold is 0 %; use 1 to 1000 %")]
    [InlineData("1001:StopSessions", "the StopSessions threshold is 1001 %; use 1 to 1000 %")]
    [InlineData("80:Notify,90:Notify", "has more than one Notify threshold")]
    [InlineData("100:Notify,100:RefuseLaunches", "RefuseLaunches at 100 % must come after Notify at 100 %")]
    [InlineData("80:Notify,130:RefuseLaunches,120:StopSessions", "StopSessions at 120 % must come after RefuseLaunches at 130 %")]
    [InlineData("", "needs at least one threshold")]
    public void Thresholds_out_of_range_repeated_or_out_of_order_are_refused_with_the_reason(string thresholds, string expected)
    {
        var ex = Assert.Throws<DomainException>(() => Budget.Create("team-x", "Team X", TeamX, 500m, BudgetThreshold.ParseList(thresholds)));

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        Assert.StartsWith("Budget 'team-x'", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("80%:Notify")]
    [InlineData("80:Warn")]
    [InlineData("80")]
    public void A_threshold_that_does_not_read_says_how_to_write_one(string text)
    {
        var ex = Assert.Throws<DomainException>(() => BudgetThreshold.ParseList(text));

        Assert.Contains("write '<percent>:<action>'", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void The_monthly_limit_must_be_more_than_zero(decimal limit)
    {
        var ex = Assert.Throws<DomainException>(() => Budget.Create("team-x", "Team X", TeamX, limit));

        Assert.Contains("the monthly limit must be more than 0 USD", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("user:local:ada", false, "local:ada")]
    [InlineData("group:team-a", true, "team-a")]
    [InlineData(" Group: Team A ", true, "Team A")]
    public void Scopes_name_a_user_id_or_a_group(string text, bool isGroup, string value)
    {
        var scope = BudgetScope.Parse(text);

        Assert.Equal((isGroup, value), (scope.IsGroup, scope.Value));
    }

    [Theory]
    [InlineData("ada")]
    [InlineData("user:")]
    [InlineData("team:a")]
    [InlineData(null)]
    public void A_scope_that_is_neither_says_what_to_write(string? text)
    {
        var ex = Assert.Throws<DomainException>(() => BudgetScope.Parse(text));

        Assert.Contains("use 'user:<user id>'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_group_scope_covers_its_members_and_a_user_scope_only_that_user()
    {
        Assert.True(TeamX.Covers("local:ada", ["team-y", "team-x"]));
        Assert.False(TeamX.Covers("local:ada", ["team-y"]));
        Assert.True(BudgetScope.User("local:ada").Covers("local:ada", []));
        Assert.False(BudgetScope.User("local:ada").Covers("local:bob", ["local:ada"]));
    }
}
