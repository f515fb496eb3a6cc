using System.Security.Claims;
using System.Text.RegularExpressions;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor;
using Portal.Domain.Sessions;
using Portal.Web.Components.Pages.Sessions;
using Portal.Web.Components.Sessions;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Components.Pages.Sessions;

public sealed partial class MySessionsTests : PortalTestContext
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);
    private static readonly Actor Ada = new("local:ada", "ada", isAdmin: false);

    public MySessionsTests()
        : base(context =>
        {
            context.Services.AddPortalPageServices(new FakeTimeProvider(Now));
            var auth = context.AddAuthorization();
            auth.SetAuthorized("ada");
            auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, Ada.Id));
        })
    {
    }

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    private ISessionService Service => Services.GetRequiredService<ISessionService>();

    private InMemorySessionStore Store => (InMemorySessionStore)Services.GetRequiredService<ISessionStore>();

    [Fact]
    public void With_no_sessions_it_says_how_to_get_one()
    {
        var cut = Render<MySessions>();

        cut.WaitForAssertion(() => Assert.Contains("No sessions yet.", cut.Find("[data-testid=no-sessions]").TextContent, StringComparison.Ordinal));
        Assert.Empty(cut.FindAll("[data-testid=sessions-table]"));
    }

    [Fact]
    public async Task A_running_row_shows_its_state_rate_time_left_cost_and_stop()
    {
        var id = await LaunchAsync();

        var cut = Render<MySessions>();

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find($"[data-testid=session-row-{id}]")));
        var row = Row(cut, id);
        Assert.Equal("Requested", Text(row, "row-status"));
        Assert.Matches(RateFormat(), Text(row, "row-rate"));
        Assert.Matches(HoursAndMinutes(), Text(row, "row-time-left"));
        Assert.Equal("$0.00", Text(row, "row-cost"));
        Assert.Single(row.QuerySelectorAll($"button[aria-label='Cancel session {id}']"));
        Assert.NotNull(cut.Find("table[data-testid=sessions-table]"));
    }

    [Fact]
    public async Task A_stopped_session_never_says_it_stops_by_itself_and_has_no_stop_button()
    {
        var id = await LaunchAsync();
        await StopAsync(id);

        var cut = Render<MySessions>();

        cut.WaitForAssertion(() => Assert.Equal("Stopped", Text(Row(cut, id), "row-status")));
        var row = Row(cut, id);
        Assert.Equal("–", Text(row, "row-time-left"));
        Assert.Empty(row.QuerySelectorAll("[data-testid=auto-stop]"));
        Assert.DoesNotContain("stops by itself", row.TextContent, StringComparison.OrdinalIgnoreCase);
        Assert.StartsWith("Stopped 2026-11-26 09:00", Text(row, "row-state-line"), StringComparison.Ordinal);
        Assert.Empty(row.QuerySelectorAll("button[aria-label^='Stop session'], button[aria-label^='Cancel session']"));
    }

    [Fact]
    public async Task The_filters_show_running_finished_or_all_sessions()
    {
        var running = await LaunchAsync();
        var finished = await LaunchAsync();
        await StopAsync(finished);

        var cut = Render<MySessions>();
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid^=session-row-]").Count));

        Filter(cut, "Running (1)").Click();
        cut.WaitForAssertion(() => Assert.Equal([$"session-row-{running}"], RowIds(cut)));

        Filter(cut, "Finished (1)").Click();
        cut.WaitForAssertion(() => Assert.Equal([$"session-row-{finished}"], RowIds(cut)));

        Filter(cut, "All (2)").Click();
        cut.WaitForAssertion(() => Assert.Equal(2, RowIds(cut).Count));
    }

    [Fact]
    public async Task An_empty_filter_says_so()
    {
        await LaunchAsync();

        var cut = Render<MySessions>();
        cut.WaitForAssertion(() => Assert.Single(RowIds(cut)));
        Filter(cut, "Finished (0)").Click();

        cut.WaitForAssertion(() => Assert.Equal("No finished sessions yet.", cut.Find("[data-testid=no-filtered-sessions]").TextContent));
    }

    [Fact]
    public async Task Launch_again_opens_the_explore_page_with_the_sessions_id()
    {
        var id = await LaunchAsync();

        var cut = Render<MySessions>();

        cut.WaitForAssertion(() => Assert.Equal($"/?from={id}", Row(cut, id).QuerySelector("[data-testid=launch-again]")!.GetAttribute("href")));
        Assert.Equal($"Launch again like session {id}", Row(cut, id).QuerySelector("[data-testid=launch-again]")!.GetAttribute("aria-label"));
    }

    [Fact]
    public async Task Sorting_by_rate_orders_the_rows()
    {
        var small = await LaunchAsync(SampleRequests.FirstRun with { WorkersPerRegion = 1 });
        ((FakeTimeProvider)Services.GetRequiredService<TimeProvider>()).Advance(TimeSpan.FromMinutes(1));
        var large = await LaunchAsync(SampleRequests.FirstRun with { WorkersPerRegion = 9 });

        var cut = Render<MySessions>();
        cut.WaitForAssertion(() => Assert.Equal([$"session-row-{large}", $"session-row-{small}"], RowIds(cut)));

        cut.FindAll("th").Single(th => th.TextContent.Contains("Rate", StringComparison.Ordinal)).QuerySelector("button[aria-label=Sort]")!.Click();

        cut.WaitForAssertion(() => Assert.Equal([$"session-row-{small}", $"session-row-{large}"], RowIds(cut)));
    }

    [Fact]
    public async Task Cancel_asks_first_with_the_safe_choice_first_and_keep_running_keeps_it()
    {
        var id = await LaunchAsync();
        var dialogs = Render<MudDialogProvider>();
        var cut = Render<MySessions>();
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find($"button[aria-label='Cancel session {id}']")));

        cut.Find($"button[aria-label='Cancel session {id}']").Click();

        dialogs.WaitForAssertion(() => Assert.NotEmpty(dialogs.FindAll(".mud-dialog button")));
        Assert.Contains("Cancel this session?", dialogs.Find(".mud-dialog").TextContent, StringComparison.Ordinal);
        // The dialog focuses its first button (DefaultFocus.FirstChild): that must be the safe one.
        Assert.Equal(["Keep running", "Cancel session"], dialogs.FindAll(".mud-dialog button").Select(b => b.TextContent.Trim()));
        Assert.True(SessionDialogs.StopOptions.CloseOnEscapeKey);

        dialogs.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == "Keep running").Click();

        dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll(".mud-dialog")));
        Assert.Equal(SessionState.Requested, (await Service.FindAsync(Ada, id, Ct))!.State);
    }

    [Fact]
    public async Task Cancel_confirmed_stops_the_session()
    {
        var id = await LaunchAsync();
        var dialogs = Render<MudDialogProvider>();
        var cut = Render<MySessions>();
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find($"button[aria-label='Cancel session {id}']")));

        cut.Find($"button[aria-label='Cancel session {id}']").Click();
        dialogs.WaitForAssertion(() => Assert.NotEmpty(dialogs.FindAll(".mud-dialog button")));
        dialogs.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == "Cancel session").Click();

        cut.WaitForAssertion(() => Assert.NotEqual(SessionState.Requested, Store.Sessions.Single(s => s.Id == id).State));
    }

    private static AngleSharp.Dom.IElement Row(IRenderedComponent<MySessions> cut, SessionId id) =>
        cut.Find($"[data-testid=session-row-{id}]").Closest("tr")!;

    private static List<string> RowIds(IRenderedComponent<MySessions> cut) =>
        [.. cut.FindAll("[data-testid^=session-row-]").Select(e => e.GetAttribute("data-testid")!)];

    private static string Text(AngleSharp.Dom.IElement row, string testId) =>
        row.QuerySelector($"[data-testid={testId}]")!.TextContent.Trim();

    private static AngleSharp.Dom.IElement Filter(IRenderedComponent<MySessions> cut, string label) =>
        cut.Find("[data-testid=session-filter]").QuerySelectorAll("*")
            .Where(e => e.TextContent.Trim() == label)
            .Last(e => e.TagName is "BUTTON" or "DIV");

    private async Task<SessionId> LaunchAsync(SessionRequest? request = null) =>
        (await Service.LaunchAsync(Ada, request ?? SampleRequests.FirstRun, Ct)).SessionId!.Value;

    private async Task StopAsync(SessionId id) =>
        await Store.UpdateAsync(id, s =>
        {
            s.RequestStop(Now, "Stopped by the test.");
            s.MarkStopped(Now);
        }, Ct);

    [GeneratedRegex(@"^\$\d+\.\d\d/h$")]
    private static partial Regex RateFormat();

    [GeneratedRegex(@"^\d+ h \d\d min$")]
    private static partial Regex HoursAndMinutes();
}
