using System.Security.Claims;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Portal.Domain.Budgets;
using Portal.Domain.Sessions;
using Portal.Web.Components.Pages.Costs;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Components.Pages.Costs;

public sealed class MyCostsTests : PortalTestContext
{
    private static readonly DateTimeOffset Start = new(2026, 11, 30, 22, 0, 0, TimeSpan.Zero);
    private static readonly Actor Ada = new("local:ada", "ada", isAdmin: false);
    public MyCostsTests()
        : base(context =>
        {
            context.Services.AddPortalPageServices(new FakeTimeProvider(Start));
            var auth = context.AddAuthorization();
            auth.SetAuthorized("ada");
            auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, Ada.Id));
        })
    {
    }

    private FakeTimeProvider Clock => (FakeTimeProvider)Services.GetRequiredService<TimeProvider>();

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public void With_no_sessions_and_no_budget_it_says_so()
    {
        var cut = Render<MyCosts>();

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=no-budgets]")));
        Assert.Equal("$0.00", cut.Find("[data-testid=month-2026-11] [data-testid=month-total]").TextContent);
        Assert.Equal(12, cut.FindAll("[data-testid=cost-history] tbody tr").Count);
        Assert.NotNull(cut.Find("[data-testid=no-month-sessions]"));
    }

    [Fact]
    public async Task A_session_across_the_first_of_the_month_counts_in_both_months_and_the_budget_shows_its_spend()
    {
        await Services.GetRequiredService<IBudgetStore>().UpsertAsync(Budget.Create("ada", "Ada's budget", BudgetScope.User(Ada.Id), 100m), Ct);
        var sessions = Services.GetRequiredService<ISessionService>();
        var id = (await sessions.LaunchAsync(Ada, SampleRequests.FirstRun, Ct)).SessionId!.Value;
        var session = (await Services.GetRequiredService<ISessionStore>().UpdateAsync(id, s =>
        {
            s.BeginProvisioning(Start);
            foreach (var step in s.Steps)
            {
                s.StartStep(step.ResourceName, Start);
            }
        }, Ct))!;
        Clock.SetUtcNow(Start.AddHours(5));   // 1 December, 03:00: 2 hours in November, 3 in December.

        var cut = Render<MyCosts>();

        var hourly = session.HourlyCostUsd;
        cut.WaitForAssertion(() => Assert.Equal(Money(hourly * 3), cut.Find("[data-testid=month-2026-12] [data-testid=month-total]").TextContent));
        Assert.Equal(Money(hourly * 2), cut.Find("[data-testid=month-2026-11] [data-testid=month-total]").TextContent);
        Assert.Contains(id.Value, cut.Find("[data-testid=month-sessions]").TextContent, StringComparison.Ordinal);
        Assert.Contains($"{Money(hourly * 3)} of $100.00", cut.Find("[data-testid=budget-ada]").TextContent, StringComparison.Ordinal);
    }

    private static string Money(decimal usd) => decimal.Round(usd, 2, MidpointRounding.AwayFromZero).ToString("C2", System.Globalization.CultureInfo.GetCultureInfo("en-US"));
}
