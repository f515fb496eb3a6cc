using System.Security.Claims;
using AngleSharp.Dom;
using Bunit;
using Bunit.TestDoubles;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using MudBlazor.Services;
using Portal.Domain.Datasets;
using Portal.Domain.Regions;
using Portal.Domain.Sessions;
using Portal.Web.Auth;
using Portal.Web.Components.Pages.Admin;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Components.Pages.Admin;

/// <summary>The admin's Sessions page: every user's sessions, its filters, Force stop (checked again in the handler) and the reaper's findings.</summary>
public sealed class AdminSessionsPageTests : BunitContext
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);
    private static readonly Actor Ada = new("local:ada", "ada", isAdmin: false);
    private static readonly Actor Alan = new("local:alan", "alan", isAdmin: false);
    private static readonly SessionRequest Era5Only = SampleRequests.FirstRun with { DataType = DataType.Historical, Datasets = [DatasetCatalog.Era5] };

    private readonly BunitAuthorizationContext _auth;

    public AdminSessionsPageTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddPortalPageServices(new FakeTimeProvider(Now));
        _auth = AddAuthorization();
        SignIn("grace", PortalRoles.Admin);
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    private ISessionService Service => Services.GetRequiredService<ISessionService>();

    private InMemorySessionStore Store => (InMemorySessionStore)Services.GetRequiredService<ISessionStore>();

    private FakeTimeProvider Clock => (FakeTimeProvider)Services.GetRequiredService<TimeProvider>();

    [Fact]
    public async Task Lists_every_users_sessions_with_owner_regions_state_age_cost_and_rate()
    {
        var adas = await LaunchAsync(Ada, Era5Only);
        var alans = await LaunchAsync(Alan);
        Clock.Advance(TimeSpan.FromMinutes(90));

        var cut = Render<SessionsPage>();

        cut.WaitForAssertion(() => Assert.Equal(2, RowIds(cut).Count));
        Assert.NotNull(cut.Find("table[data-testid=admin-sessions-table]"));
        var ada = Row(cut, adas);
        Assert.Equal("ada", Text(ada, "admin-session-owner"));
        Assert.Equal($"/sessions/{adas}", ada.QuerySelector("[data-testid=admin-session-name]")!.GetAttribute("href"));
        Assert.Equal("us-east-1", Text(ada, "admin-session-regions"));
        Assert.Equal("Requested", Text(ada, "admin-session-state"));
        Assert.Equal("1 h 30 min", Text(ada, "admin-session-age"));
        Assert.StartsWith("$", Text(ada, "admin-session-cost"), StringComparison.Ordinal);
        Assert.EndsWith("/h", Text(ada, "admin-session-rate"), StringComparison.Ordinal);
        Assert.Equal("alan", Text(Row(cut, alans), "admin-session-owner"));
        Assert.Equal("us-east-1, us-west-2", Text(Row(cut, alans), "admin-session-regions"));
        Assert.NotNull(cut.Find($"[data-testid=force-stop-{adas}]"));
    }

    [Fact]
    public async Task Filters_by_state_user_region_and_needs_attention()
    {
        var adas = await LaunchAsync(Ada, Era5Only);
        var alans = await LaunchAsync(Alan);
        var stuck = await LaunchAsync(Alan);
        await Store.UpdateAsync(stuck, s =>
        {
            s.RequestStop(Now, "Stopped by the test.");
            s.NeedAttention("A stack would not delete.");
        }, Ct);

        var cut = Render<SessionsPage>();
        cut.WaitForAssertion(() => Assert.Equal(3, RowIds(cut).Count));
        Assert.Equal($"admin-session-row-{stuck}", RowIds(cut)[0]);

        await Set(cut, cut.FindComponent<MudSwitch<bool>>().Instance.ValueChanged, true);
        Assert.Equal([$"admin-session-row-{stuck}"], RowIds(cut));
        await Set(cut, cut.FindComponent<MudSwitch<bool>>().Instance.ValueChanged, false);

        await Set(cut, cut.FindComponent<MudSelect<SessionState?>>().Instance.ValueChanged, SessionState.Requested);
        Assert.Equal(new[] { $"admin-session-row-{adas}", $"admin-session-row-{alans}" }.Order(), RowIds(cut).Order());
        await Set(cut, cut.FindComponent<MudSelect<SessionState?>>().Instance.ValueChanged, null);

        await Set(cut, cut.FindComponent<MudTextField<string>>().Instance.ValueChanged, "AD");
        Assert.Equal([$"admin-session-row-{adas}"], RowIds(cut));
        await Set(cut, cut.FindComponent<MudTextField<string>>().Instance.ValueChanged, "");

        await Set(cut, cut.FindComponent<MudSelect<RegionCode?>>().Instance.ValueChanged, RegionCode.Parse("us-west-2"));
        Assert.Equal(2, RowIds(cut).Count);
        Assert.DoesNotContain($"admin-session-row-{adas}", RowIds(cut));

        await Set(cut, cut.FindComponent<MudSwitch<bool>>().Instance.ValueChanged, true);
        await Set(cut, cut.FindComponent<MudSelect<RegionCode?>>().Instance.ValueChanged, RegionCode.Parse("us-east-1"));
        await Set(cut, cut.FindComponent<MudTextField<string>>().Instance.ValueChanged, "ada");
        Assert.Empty(RowIds(cut));
        Assert.Equal("No session matches these filters.", cut.Find("[data-testid=admin-no-sessions]").TextContent);
    }

    [Fact]
    public async Task Force_stop_asks_first_then_stops_another_users_session()
    {
        var adas = await LaunchAsync(Ada);
        var dialogs = Render<MudDialogProvider>();
        var cut = Render<SessionsPage>();
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find($"[data-testid=force-stop-{adas}]")));

        cut.Find($"[data-testid=force-stop-{adas}]").Click();
        dialogs.WaitForAssertion(() => Assert.NotEmpty(dialogs.FindAll(".mud-dialog button")));
        Assert.Equal(SessionState.Requested, Stored(adas).State);
        dialogs.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == "Cancel session").Click();

        cut.WaitForAssertion(() => Assert.NotEqual(SessionState.Requested, Stored(adas).State));
        Assert.Contains("Cancelled by grace", Stored(adas).StopReason, StringComparison.Ordinal);
        cut.WaitForAssertion(() => Assert.Contains("ada", cut.Find("[data-testid=admin-sessions-message]").TextContent, StringComparison.Ordinal));
        Assert.NotEqual("Requested", Text(Row(cut, adas), "admin-session-state"));
    }

    [Fact]
    public async Task Force_stop_does_nothing_for_someone_who_is_no_longer_an_admin()
    {
        var adas = await LaunchAsync(Ada);
        var dialogs = Render<MudDialogProvider>();
        var cut = Render<SessionsPage>();
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find($"[data-testid=force-stop-{adas}]")));

        SignIn("alan", PortalRoles.User);
        cut.Find($"[data-testid=force-stop-{adas}]").Click();

        cut.WaitForAssertion(() => Assert.Contains("Only a Portal.Admin", cut.Find("[data-testid=admin-sessions-message]").TextContent, StringComparison.Ordinal));
        Assert.Empty(dialogs.FindAll(".mud-dialog"));
        Assert.Equal(SessionState.Requested, Stored(adas).State);
    }

    [Fact]
    public async Task A_plain_user_rendering_the_page_gets_no_sessions()
    {
        await LaunchAsync(Ada);
        SignIn("alan", PortalRoles.User);

        var cut = Render<SessionsPage>();

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=admin-no-sessions]")));
        Assert.Empty(RowIds(cut));
    }

    [Fact]
    public void The_reaper_findings_say_when_nothing_was_reaped()
    {
        var cut = Render<SessionsPage>();

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=reaper-findings] [data-testid=reaped-none]")));
    }

    private Session Stored(SessionId id) => Store.Sessions.Single(s => s.Id == id);

    private static async Task Set<T>(IRenderedComponent<SessionsPage> cut, EventCallback<T> changed, T value) =>
        await cut.InvokeAsync(() => changed.InvokeAsync(value));

    private static IElement Row(IRenderedComponent<SessionsPage> cut, SessionId id) =>
        cut.Find($"[data-testid=admin-session-row-{id}]").Closest("tr")!;

    private static List<string> RowIds(IRenderedComponent<SessionsPage> cut) =>
        [.. cut.FindAll("[data-testid^=admin-session-row-]").Select(e => e.GetAttribute("data-testid")!)];

    private static string Text(IElement row, string testId) => row.QuerySelector($"[data-testid={testId}]")!.TextContent.Trim();

    private async Task<SessionId> LaunchAsync(Actor owner, SessionRequest? request = null) =>
        (await Service.LaunchAsync(owner, request ?? SampleRequests.FirstRun, Ct)).SessionId!.Value;

    private void SignIn(string name, params string[] roles)
    {
        _auth.SetAuthorized(name);
        _auth.SetRoles(roles);
        _auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, "local:" + name));
    }
}
