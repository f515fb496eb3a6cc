using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Budgets;
using Portal.Domain.Sessions;
using Portal.Infra.Budgets;
using Portal.Infra.Tests.Support;

namespace Portal.Infra.Tests.Budgets;

/// <summary>Budgets enforced in the launch and retry use cases and by the background enforcer, over a real database.</summary>
public sealed class BudgetEnforcementTests
{
    private static readonly Actor Ada = new("ada", isAdmin: false);
    private static readonly Actor AdaInTeamX = new("ada", "ada", isAdmin: false, ["team-x"]);
    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(5);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_launch_that_could_cost_more_than_the_budget_has_left_is_refused_by_the_use_case_with_the_figures()
    {
        await using var host = await InfraTestHost.CreateAsync(Ct, Settings());
        var estimate = host.Sessions.Estimate(await host.Sessions.GetPriceBookAsync(Ct), SampleRequests.FirstRun);
        var limit = decimal.Round(estimate.TotalUsd / 2, 2);
        await host.Services.GetRequiredService<IBudgetStore>().UpsertAsync(Budget.Create("ada", "Ada's own", BudgetScope.User("ada"), limit), Ct);

        var result = await host.Sessions.LaunchAsync(Ada, SampleRequests.FirstRun, Ct);

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Errors);
        Assert.Equal(SessionRequestField.Budget, error.Field);
        Assert.Equal(
            $"This launch could cost up to {Money.Usd(estimate.TotalUsd)} for its 4 hours; your budget 'Ada's own' has {Money.Usd(limit)} left this month "
            + $"(of {Money.Usd(limit)}): {Money.Usd(estimate.TotalUsd - limit)} too much. Ask an admin (finops@example.org) to raise the budget, or choose fewer workers or hours.",
            error.Message);
        Assert.Empty(await host.Store.ListAsync(owner: null, Ct));
    }

    [Fact]
    public async Task A_launch_within_every_budget_goes_ahead()
    {
        await using var host = await InfraTestHost.CreateAsync(Ct, Settings(("Budgets:0:Scope", "group:team-x"), ("Budgets:0:MonthlyLimitUsd", "100000")));

        var result = await host.Sessions.LaunchAsync(AdaInTeamX, SampleRequests.FirstRun, Ct);

        Assert.True(result.Succeeded);
        Assert.Equal(["team-x"], (await host.Store.FindAsync(result.SessionId!.Value, Ct))!.OwnerGroups);
    }

    [Fact]
    public async Task A_retry_that_could_cost_more_than_is_left_is_refused_and_the_session_stays_failed()
    {
        await using var host = await InfraTestHost.CreateAsync(Ct, Settings(("Sandbox:FailStacksContaining", "workers-us-west-2"), ("Sandbox:FailFirstAttemptOnly", "true")));
        var id = (await host.Sessions.LaunchAsync(Ada, SampleRequests.FirstRun, Ct)).SessionId!.Value;
        var failed = (await SessionDriving.DriveAsync(host, id, s => s.State == SessionState.Failed && s.HasEnded, Tick, Ct))[^1];
        await host.Services.GetRequiredService<IBudgetStore>().UpsertAsync(Budget.Create("ada", "Ada", BudgetScope.User("ada"), 1m), Ct);

        var retry = await host.Sessions.RetryAsync(Ada, id, Ct);

        Assert.Equal(SessionCommandOutcome.Refused, retry.Outcome);
        var upTo = decimal.Round(failed.HourlyCostUsd * 4, 2, MidpointRounding.AwayFromZero);
        var spent = failed.CostSoFarUsd(host.Clock.GetUtcNow());
        Assert.StartsWith($"This retry could cost up to {Money.Usd(upTo)} for its 4 hours; your budget 'Ada' ", retry.Message, StringComparison.Ordinal);
        Assert.Contains($": {Money.Usd(upTo - (1m - spent))} too much.", retry.Message, StringComparison.Ordinal);
        Assert.Equal(SessionState.Failed, (await host.Store.FindAsync(id, Ct))!.State);
    }

    [Fact]
    public async Task The_enforcer_notifies_once_a_month_at_80_percent_and_stops_running_sessions_at_120_percent_naming_the_budget()
    {
        await using var host = await InfraTestHost.CreateAsync(Ct);
        var id = (await host.Sessions.LaunchAsync(AdaInTeamX, SampleRequests.FirstRun, Ct)).SessionId!.Value;
        var ready = (await SessionDriving.DriveAsync(host, id, s => s.State == SessionState.Ready, Tick, Ct))[^1];
        var hourly = ready.HourlyCostUsd;
        var limit = decimal.Round(hourly * 10, 2);
        await host.Services.GetRequiredService<IBudgetStore>().UpsertAsync(Budget.Create("team-x", "Team X", BudgetScope.Group("team-x"), limit), Ct);
        var enforcer = host.Services.GetRequiredService<BudgetEnforcer>();

        await enforcer.RunOnceAsync(Ct);
        Assert.Empty(await BudgetEventsAsync(host, id));

        AdvanceUntilSpent(host, ready, limit * 0.85m);
        await enforcer.RunOnceAsync(Ct);
        await enforcer.RunOnceAsync(Ct);
        var notice = Assert.Single(await BudgetEventsAsync(host, id));
        Assert.StartsWith("Budget 'Team X': $", notice.Message, StringComparison.Ordinal);
        Assert.EndsWith($" of {Money.Usd(limit)} spent this month (85 %). At 100 % new launches are refused.", notice.Message, StringComparison.Ordinal);
        Assert.Equal(SessionState.Ready, (await host.Store.FindAsync(id, Ct))!.State);

        AdvanceUntilSpent(host, ready, limit * 1.25m);
        await enforcer.RunOnceAsync(Ct);

        // The report the banner reads has the figures the enforcer acted on (the clock has not moved since).
        var status = Assert.Single(await host.Services.GetRequiredService<IBudgetReports>().ListMineAsync(AdaInTeamX, Ct));
        Assert.Equal((BudgetAction.StopSessions, 125), (status.Reached?.Action, status.PercentUsed));
        var stopped = await host.Store.FindAsync(id, Ct);
        var reason = $"Stopped: budget 'Team X' reached 120 % of {Money.Usd(limit)} this month ({Money.Usd(status.SpendUsd)} spent).";
        Assert.Equal((SessionState.Stopping, reason), (stopped!.State, stopped.StopReason));
        Assert.Contains(await host.Store.ListEventsAsync(id, Ct), e => e.Message == reason);
    }

    [Fact]
    public void A_configured_budget_that_breaks_a_rule_stops_startup_naming_its_key()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => BudgetSettings.Read(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Budgets:0:Scope"] = "user:local:ada",
                ["Budgets:0:MonthlyLimitUsd"] = "500",
                ["Budgets:1:Scope"] = "group:team-x",
                ["Budgets:1:MonthlyLimitUsd"] = "500",
                ["Budgets:1:Thresholds"] = "80:Notify,70:RefuseLaunches",
            })
            .Build()));

        Assert.StartsWith("Configuration 'Budgets:1' is not a valid budget: Budget 'group:team-x': RefuseLaunches at 70 % must come after Notify at 80 %", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Configured_budgets_are_written_to_the_database_at_start()
    {
        await using var host = await InfraTestHost.CreateAsync(Ct, Settings(
            ("Budgets:0:Scope", "user:local:ada"), ("Budgets:0:MonthlyLimitUsd", "250.50"),
            ("Budgets:1:Id", "team-x"), ("Budgets:1:Name", "Team X"), ("Budgets:1:Scope", "group:team-x"), ("Budgets:1:MonthlyLimitUsd", "500"),
            ("Budgets:1:Thresholds", "50:Notify,90:RefuseLaunches"), ("Budgets:1:ExemptAdmins", "true")));
        foreach (var service in host.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<BudgetStartup>())
        {
            await service.StartAsync(Ct);
        }

        var budgets = await host.Services.GetRequiredService<IBudgetStore>().ListAsync(Ct);

        Assert.Equal(
            ["team-x Team X group:team-x 500.00 50:Notify,90:RefuseLaunches True", "user:local:ada user:local:ada user:local:ada 250.50 80:Notify,100:RefuseLaunches,120:StopSessions False"],
            budgets.Select(b => string.Create(CultureInfo.InvariantCulture, $"{b.Id} {b.Name} {b.Scope} {b.MonthlyLimitUsd:0.00} {BudgetThreshold.Format(b.Thresholds)} {b.ExemptAdmins}")));
    }

    [Fact]
    public async Task A_configured_budget_is_written_only_when_none_with_its_id_is_stored_so_an_admins_edit_stays()
    {
        var settings = Settings(
            ("Budgets:0:Id", "team-x"), ("Budgets:0:Scope", "group:team-x"), ("Budgets:0:MonthlyLimitUsd", "500"),
            ("Budgets:1:Id", "ada"), ("Budgets:1:Scope", "user:local:ada"), ("Budgets:1:MonthlyLimitUsd", "50"));
        var host = await InfraTestHost.CreateAsync(Ct, settings);
        try
        {
            var store = host.Services.GetRequiredService<IBudgetStore>();
            await StartBudgetsAsync(host);
            await store.UpsertAsync(Budget.Create("team-x", "Team X (raised)", BudgetScope.Group("team-x"), 900m), Ct);
            Assert.True(await store.DeleteAsync("ada", Ct));

            host = await host.RestartAsync(Ct);
            await StartBudgetsAsync(host);

            // The edited one stays as the admin left it; the deleted one, still configured, is written again.
            var budgets = await host.Services.GetRequiredService<IBudgetStore>().ListAsync(Ct);
            Assert.Equal(
                ["ada 50.00", "team-x 900.00"],
                budgets.Select(b => string.Create(CultureInfo.InvariantCulture, $"{b.Id} {b.MonthlyLimitUsd:0.00}")));
        }
        finally
        {
            await host.DisposeAsync();
        }
    }

    private static async Task StartBudgetsAsync(InfraTestHost host)
    {
        foreach (var service in host.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<BudgetStartup>())
        {
            await service.StartAsync(Ct);
        }
    }

    private static Dictionary<string, string?> Settings(params (string Key, string Value)[] pairs)
    {
        var settings = new Dictionary<string, string?> { ["BudgetEnforcement:AdminContact"] = "finops@example.org" };
        foreach (var (key, value) in pairs)
        {
            settings[key] = value;
        }

        return settings;
    }

    /// <summary>Moves the clock to when the session's cost this month reaches <paramref name="spend"/>.</summary>
    private static void AdvanceUntilSpent(InfraTestHost host, Session session, decimal spend)
    {
        // A second past it, so that rounding never leaves the spend a cent short.
        var at = session.CostingSince!.Value + TimeSpan.FromHours((double)(spend / session.HourlyCostUsd)) + TimeSpan.FromSeconds(1);
        host.Clock.Advance(at - host.Clock.GetUtcNow());
    }

    private static async Task<List<SessionEvent>> BudgetEventsAsync(InfraTestHost host, SessionId id) =>
        [.. (await host.Store.ListEventsAsync(id, Ct)).Where(e => e.Message.StartsWith("Budget ", StringComparison.Ordinal))];
}
