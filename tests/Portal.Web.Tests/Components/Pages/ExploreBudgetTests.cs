using System.Security.Claims;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Portal.Domain.Budgets;
using Portal.Domain.Datasets;
using Portal.Domain.Sessions;
using Portal.Web.Components.Pages.Explore;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Components.Pages;

public sealed class ExploreBudgetTests : PortalTestContext
{
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));

    public ExploreBudgetTests()
        : base(context =>
        {
            context.Services.AddPortalPageServices(Clock);
            var auth = context.AddAuthorization();
            auth.SetAuthorized("ada");
            auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, "local:ada"), new Claim("groups", "team-x"));
        })
    {
    }

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    private IBudgetStore Budgets => Services.GetRequiredService<IBudgetStore>();

    [Fact]
    public async Task No_banner_while_every_budget_is_below_its_first_threshold()
    {
        await Budgets.UpsertAsync(Budget.Create("team-x", "Team X", BudgetScope.Group("team-x"), 500m), Ct);

        var cut = Render<Explore>();

        Assert.Empty(cut.FindAll("[data-testid=budget-banner]"));
    }

    [Fact]
    public async Task A_budget_past_its_notify_threshold_shows_a_banner_naming_it_with_spend_limit_and_what_happens_next()
    {
        var ada = new Actor("local:ada", "ada", isAdmin: false, ["team-x"]);
        var launched = await Services.GetRequiredService<ISessionService>().LaunchAsync(ada, new LaunchCommand(SampleRequest(), AllowDuplicate: true), Ct);
        var store = Services.GetRequiredService<ISessionStore>();
        // Every resource starts at once: each costs from the start of its creation.
        var session = await store.UpdateAsync(launched.SessionId!.Value, s =>
        {
            s.BeginProvisioning(Clock.GetUtcNow());
            foreach (var step in s.Steps)
            {
                s.StartStep(step.ResourceName, Clock.GetUtcNow());
            }
        }, Ct);
        // Ten hours at the launch estimate is 90 % of this limit.
        var limit = decimal.Round(session!.HourlyCostUsd * 10 / 0.9m, 2);
        await Budgets.UpsertAsync(Budget.Create("team-x", "Team X", BudgetScope.Group("team-x"), limit), Ct);
        Clock.Advance(TimeSpan.FromHours(10));

        var spent = decimal.Round(session.HourlyCostUsd * 10, 2, MidpointRounding.AwayFromZero);

        var cut = Render<Explore>();

        var banner = cut.Find("[data-testid=budget-banner]");
        Assert.Equal("status", banner.GetAttribute("role"));
        Assert.Equal(
            $"Budget 'Team X': {Money.Usd(spent)} of {Money.Usd(limit)} spent this month ({(int)decimal.Floor(spent / limit * 100)} %). At 100 % new launches are refused.",
            banner.TextContent.Trim());
    }

    [Fact]
    public async Task A_launch_the_budget_refuses_says_by_how_much_beside_launch_and_launches_nothing()
    {
        await Budgets.UpsertAsync(Budget.Create("ada", "Ada", BudgetScope.User("local:ada"), 1m), Ct);
        var cut = Render<Explore>();
        cut.Find("[data-testid=dataset-era5]").Click();

        cut.Find("[data-testid=launch]").Click();

        var problem = cut.Find("[data-testid=launch-problem]").TextContent;
        Assert.StartsWith("This launch could cost up to $", problem, StringComparison.Ordinal);
        Assert.Contains("your budget 'Ada' has $1.00 left this month (of $1.00): $", problem, StringComparison.Ordinal);
        Assert.EndsWith("too much. Ask an admin (finops@example.org) to raise the budget, or choose fewer workers or hours.", problem, StringComparison.Ordinal);
        Assert.False(cut.Find("[data-testid=launch]").HasAttribute("disabled"));
        Assert.Empty(await Services.GetRequiredService<ISessionStore>().ListAsync(null, Ct));
    }

    private static SessionRequest SampleRequest() => new()
    {
        DataType = DataType.Historical,
        VariableCategory = VariableCategory.Temperature,
        Variable = "air_temperature_at_2_metres",
        StartDate = new DateOnly(2022, 1, 1),
        EndDate = new DateOnly(2022, 11, 28),
        Datasets = [DatasetCatalog.Era5],
        WorkersPerRegion = 2,
        MaximumHours = 4,
    };
}
