using System.Security.Claims;
using Bunit;
using Bunit.TestDoubles;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor.Services;
using Portal.Domain.Audit;
using Portal.Domain.Budgets;
using Portal.Domain.Sessions;
using Portal.Infra.Budgets;
using Portal.Web.Auth;
using Portal.Web.Components.Pages.Admin;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Components.Pages.Admin;

public sealed class BudgetsPageTests : BunitContext
{
    private static readonly DateTimeOffset Start = new(2026, 11, 30, 22, 0, 0, TimeSpan.Zero);
    private static readonly Actor Ada = new("local:ada", "ada", isAdmin: false, ["team-x"]);
    private readonly BunitAuthorizationContext _auth;

    public BudgetsPageTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddPortalPageServices(new FakeTimeProvider(Start));
        Services.AddSingleton<IBudgetAdministration, BudgetAdministration>();
        _auth = AddAuthorization();
        SignIn("grace", PortalRoles.Admin);
        SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));
    }

    private FakeTimeProvider Clock => (FakeTimeProvider)Services.GetRequiredService<TimeProvider>();

    private IBudgetStore Store => Services.GetRequiredService<IBudgetStore>();

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    private void SignIn(string name, params string[] roles)
    {
        _auth.SetAuthorized(name);
        _auth.SetRoles(roles);
        _auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, "local:" + name));
    }

    private async Task<IReadOnlyList<AuditEntry>> EntriesAsync() =>
        (await Services.GetRequiredService<IAuditLog>().ListAsync(new AuditFilter(), 0, 100, Ct)).Entries;

    private static void Fill(IRenderedComponent<BudgetsPage> cut, string field, string value) => cut.Find($"#budget-{field}").Change(value);

    [Fact]
    public async Task Lists_each_budget_with_scope_amount_thresholds_and_spend_this_month_and_the_five_before()
    {
        await Store.UpsertAsync(Budget.Create("team-x", "Team X", BudgetScope.Group("team-x"), 100m), Ct);
        var id = (await Services.GetRequiredService<ISessionService>().LaunchAsync(Ada, SampleRequests.FirstRun, Ct)).SessionId!.Value;
        var session = (await Services.GetRequiredService<ISessionStore>().UpdateAsync(id, s =>
        {
            s.BeginProvisioning(Start);
            foreach (var step in s.Steps)
            {
                s.StartStep(step.ResourceName, Start);
            }
        }, Ct))!;
        Clock.SetUtcNow(Start.AddHours(5));   // 1 December, 03:00: 2 hours in November, 3 in December.
        var now = Clock.GetUtcNow();
        var november = session.CostWithinUsd(new BudgetMonth(2026, 11).Start, new BudgetMonth(2026, 11).End, now);
        var december = session.CostWithinUsd(new BudgetMonth(2026, 12).Start, new BudgetMonth(2026, 12).End, now);

        var cut = Render<BudgetsPage>();

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=budget-row-team-x]")));
        Assert.Equal("Budgets", cut.Find("h1").TextContent);
        var row = cut.Find("[data-testid=budget-row-team-x]");
        Assert.Equal("group:team-x", row.QuerySelector("[data-testid=budget-scope-cell]")!.TextContent.Trim());
        Assert.Equal("$100.00", row.QuerySelector("[data-testid=budget-limit-cell]")!.TextContent.Trim());
        Assert.Equal("80 % Notify ($80.00), 100 % RefuseLaunches ($100.00), 120 % StopSessions ($120.00)", row.QuerySelector("[data-testid=budget-thresholds-cell]")!.TextContent.Trim());
        Assert.StartsWith(Money.Usd(december) + " (", row.QuerySelector("[data-testid=budget-this-month]")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal(Money.Usd(november), row.QuerySelector("[data-testid=budget-month-2026-11]")!.TextContent.Trim());
        Assert.Equal("$0.00", row.QuerySelector("[data-testid=budget-month-2026-07]")!.TextContent.Trim());
        Assert.Equal(["2026-11", "2026-10", "2026-09", "2026-08", "2026-07"], cut.FindAll("thead th").Select(th => th.TextContent).Where(t => t.StartsWith("2026-", StringComparison.Ordinal)));
        Assert.Contains("written here at start only when no budget with their id is stored", cut.Find("[data-testid=budgets-config-note]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_admin_creates_a_budget_and_it_is_listed_and_audited()
    {
        var cut = Render<BudgetsPage>();
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=budgets-empty]")));

        cut.Find("[data-testid=budget-new]").Click();
        Fill(cut, "id", "team-x");
        Fill(cut, "name", "Team X");
        Fill(cut, "scope", "group:team-x");
        Fill(cut, "limit", "250.50");
        cut.Find("[data-testid=budget-save]").Click();

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=budget-row-team-x]")));
        Assert.Equal("Budget 'Team X' created.", cut.Find("[data-testid=budgets-message]").TextContent.Trim());
        Assert.Empty(cut.FindAll("[data-testid=budget-form]"));
        var budget = Assert.Single(await Store.ListAsync(Ct));
        Assert.Equal((250.50m, "80:Notify,100:RefuseLaunches,120:StopSessions"), (budget.MonthlyLimitUsd, BudgetThreshold.Format(budget.Thresholds)));
        var entry = Assert.Single(await EntriesAsync());
        Assert.Equal((AuditActions.BudgetCreate, "local:grace", "team-x"), (entry.Action, entry.ActorId, entry.ObjectId));
    }

    [Fact]
    public async Task Wrong_fields_are_each_marked_with_their_message_and_nothing_is_saved()
    {
        var cut = Render<BudgetsPage>();
        cut.Find("[data-testid=budget-new]").Click();
        Fill(cut, "id", "team x");
        Fill(cut, "scope", "team-x");
        Fill(cut, "limit", "0");
        Fill(cut, "thresholds", "100:Notify,90:RefuseLaunches");

        cut.Find("[data-testid=budget-save]").Click();

        var form = cut.Find("[data-testid=budget-form]").TextContent;
        Assert.Contains("The id is 1 to 64 letters, digits, '.', '-', '_' or ':'", form, StringComparison.Ordinal);
        Assert.Contains("The scope is 'user:<user id>' (for example 'user:local:ada') or 'group:<group name>'.", form, StringComparison.Ordinal);
        Assert.Contains("The monthly amount is a number of US dollars above 0", form, StringComparison.Ordinal);
        Assert.Contains("RefuseLaunches at 90 % must come after Notify at 100 %", form, StringComparison.Ordinal);
        Assert.Equal("The budget was not saved: correct the fields marked.", cut.Find("[data-testid=budgets-message]").TextContent.Trim());
        Assert.Empty(await Store.ListAsync(Ct));
        Assert.Empty(await EntriesAsync());
    }

    [Fact]
    public async Task An_admin_edits_then_deletes_a_budget_after_confirming_and_both_are_audited()
    {
        await Store.UpsertAsync(Budget.Create("team-x", "Team X", BudgetScope.Group("team-x"), 100m), Ct);
        var cut = Render<BudgetsPage>();
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=budget-row-team-x]")));

        cut.Find("button[aria-label='Edit budget team-x']").Click();
        Assert.Equal("100", cut.Find("#budget-limit").GetAttribute("value"));
        Fill(cut, "limit", "400");
        cut.Find("[data-testid=budget-save]").Click();
        cut.WaitForAssertion(() => Assert.Equal("$400.00", cut.Find("[data-testid=budget-row-team-x] [data-testid=budget-limit-cell]").TextContent.Trim()));

        cut.Find("button[aria-label='Delete budget team-x']").Click();
        Assert.Single(await Store.ListAsync(Ct));   // not before confirming
        cut.Find("button[aria-label='Confirm deleting budget team-x']").Click();

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=budgets-empty]")));
        Assert.Empty(await Store.ListAsync(Ct));
        Assert.Equal([AuditActions.BudgetDelete, AuditActions.BudgetUpdate], (await EntriesAsync()).Select(e => e.Action));
    }

    [Fact]
    public async Task A_user_who_lost_the_admin_role_is_refused_in_the_handler_and_nothing_changes()
    {
        await Store.UpsertAsync(Budget.Create("team-x", "Team X", BudgetScope.Group("team-x"), 100m), Ct);
        var cut = Render<BudgetsPage>();
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=budget-row-team-x]")));
        cut.Find("button[aria-label='Delete budget team-x']").Click();

        SignIn("grace", PortalRoles.User);
        cut.Find("button[aria-label='Confirm deleting budget team-x']").Click();

        Assert.Equal("Only a Portal.Admin can manage budgets.", cut.Find("[data-testid=budgets-message]").TextContent.Trim());
        Assert.Single(await Store.ListAsync(Ct));
        Assert.Empty(await EntriesAsync());
    }
}
