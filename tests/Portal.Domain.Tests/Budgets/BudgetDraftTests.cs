using Portal.Domain.Budgets;

namespace Portal.Domain.Tests.Budgets;

public sealed class BudgetDraftTests
{
    private static readonly BudgetDraft Valid = new()
    {
        Id = "team-x",
        Name = "Team X",
        Scope = "group:team-x",
        MonthlyLimitUsd = "1250.50",
        Thresholds = "80:Notify,100:RefuseLaunches,120:StopSessions",
    };

    [Fact]
    public void A_valid_draft_builds_the_budget()
    {
        var (budget, errors) = (Valid with { ExemptAdmins = true }).Check();

        Assert.Empty(errors);
        Assert.NotNull(budget);
        Assert.Equal(("team-x", "Team X", "group:team-x", 1250.50m, true), (budget.Id, budget.Name, budget.Scope.ToString(), budget.MonthlyLimitUsd, budget.ExemptAdmins));
        Assert.Equal("80:Notify,100:RefuseLaunches,120:StopSessions", BudgetThreshold.Format(budget.Thresholds));
    }

    [Theory]
    [InlineData("Id", "team x", "The id is 1 to 64 letters, digits, '.', '-', '_' or ':'")]
    [InlineData("Id", "", "The id is 1 to 64 letters")]
    [InlineData("Scope", "team-x", "The scope is 'user:<user id>' (for example 'user:local:ada') or 'group:<group name>'.")]
    [InlineData("Scope", "user:", "The scope is 'user:<user id>'")]
    [InlineData("MonthlyLimitUsd", "0", "The monthly amount is a number of US dollars above 0")]
    [InlineData("MonthlyLimitUsd", "-5", "The monthly amount is a number of US dollars above 0")]
    [InlineData("MonthlyLimitUsd", "lots", "The monthly amount is a number of US dollars above 0")]
    [InlineData("Thresholds", "0:Notify", "The Notify threshold is 0 %; use 1 to 1000 %.")]
    [InlineData("Thresholds", "1001:StopSessions", "The StopSessions threshold is 1001 %; use 1 to 1000 %.")]
    [InlineData("Thresholds", "100:Notify,90:RefuseLaunches", "RefuseLaunches at 90 % must come after Notify at 100 %")]
    [InlineData("Thresholds", "80:Shout", "'80:Shout' is not a budget threshold")]
    [InlineData("Thresholds", "", "The budget needs at least one threshold")]
    public void Each_wrong_field_gets_its_own_message_and_nothing_is_built(string field, string value, string expected)
    {
        var draft = field switch
        {
            "Id" => Valid with { Id = value },
            "Scope" => Valid with { Scope = value },
            "MonthlyLimitUsd" => Valid with { MonthlyLimitUsd = value },
            _ => Valid with { Thresholds = value },
        };

        var (budget, errors) = draft.Check();

        Assert.Null(budget);
        var error = Assert.Single(errors);
        Assert.Equal(field, error.Key);
        Assert.StartsWith(expected, error.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Several_wrong_fields_are_reported_together()
    {
        var (_, errors) = new BudgetDraft { Id = "x", Scope = "nobody", MonthlyLimitUsd = "0", Thresholds = "80:Notify" }.Check();

        Assert.Equal(["MonthlyLimitUsd", "Scope"], errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void An_existing_budget_round_trips_through_its_draft()
    {
        var budget = Budget.Create("ada", "Ada", BudgetScope.User("local:ada"), 99.5m, BudgetThreshold.ParseList("50:Notify,150:StopSessions"), exemptAdmins: true);

        var (again, errors) = BudgetDraft.From(budget).Check();

        Assert.Empty(errors);
        Assert.Equal(budget.Id, again!.Id);
        Assert.Equal((budget.Name, budget.Scope, budget.MonthlyLimitUsd, budget.ExemptAdmins), (again.Name, again.Scope, again.MonthlyLimitUsd, again.ExemptAdmins));
        Assert.Equal(budget.Thresholds, again.Thresholds);
    }
}
