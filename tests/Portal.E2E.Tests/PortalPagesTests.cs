using System.Text.RegularExpressions;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Portal.E2E.Tests.Infrastructure;
using Portal.E2E.Tests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2E.Tests;

/// <summary>The portal's own answers where a browser would draw its own: unknown addresses, refused pages, sign-out.</summary>
[Collection(BrowserTests.Name)]
public sealed partial class PortalPagesTests(BrowserFixture browser) : IAsyncLifetime
{
    private PortalHost _portal = null!;

    public ValueTask InitializeAsync()
    {
        _portal = new PortalHost(PortalHost.NewDataDirectory()).Start();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await _portal.DisposeAsync();
        Directory.Delete(_portal.DataDirectory, recursive: true);
    }

    [Fact]
    public async Task An_unknown_address_shows_the_portals_404_with_a_way_home()
    {
        await using var context = await browser.Browser.NewContextAsync(new() { BaseURL = _portal.BaseAddress.ToString() });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/signin");
        await new SignInPage(page).SignInAsync("ada");
        await Expect(page.GetByTestId("signed-in-user")).ToContainTextAsync("ada");

        var response = await page.GotoAsync("/no/such/page");

        Assert.Equal(404, response?.Status);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Page not found" })).ToBeVisibleAsync();
        await AssertAccessibleAsync(page, "not found");
        await page.GetByTestId("not-found-home").ClickAsync();
        await Expect(page).ToHaveURLAsync(HomeUrl());
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Explore data and launch a session" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_user_opening_an_admin_page_is_told_it_needs_the_admin_role()
    {
        await using var context = await browser.Browser.NewContextAsync(new() { BaseURL = _portal.BaseAddress.ToString() });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/signin");
        await new SignInPage(page).SignInAsync("ada");
        await Expect(page.GetByTestId("signed-in-user")).ToContainTextAsync("ada");

        await page.GotoAsync("/admin/regions");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "This page needs the Admin role" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign in" })).ToHaveCountAsync(0);
        await Expect(page.GetByLabel("User name")).ToHaveCountAsync(0);
        await AssertAccessibleAsync(page, "admin role needed");
    }

    [Fact]
    public async Task Signing_out_confirms_it()
    {
        await using var context = await browser.Browser.NewContextAsync(new() { BaseURL = _portal.BaseAddress.ToString() });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/signin");
        await new SignInPage(page).SignInAsync("ada");
        await Expect(page.GetByTestId("signed-in-user")).ToContainTextAsync("ada");

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();

        await Expect(page.GetByTestId("signed-out")).ToHaveTextAsync("You have signed out.");
    }

    [Fact]
    public async Task The_stop_dialog_starts_on_keep_running_shows_focus_and_closes_on_escape_and_launch_again_fills_the_form()
    {
        await using var context = await browser.Browser.NewContextAsync(new() { BaseURL = _portal.BaseAddress.ToString() });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/signin");
        await new SignInPage(page).SignInAsync("ada");
        var explore = new ExplorePage(page);
        await explore.SelectOnMapAsync("ERA5 reanalysis (us-east-1)");
        await explore.Launch.ClickAsync();
        await Expect(page).ToHaveURLAsync(SessionPage.Url());
        var id = new SessionPage(page).SessionId;
        await page.GetByRole(AriaRole.Link, new() { Name = "My sessions" }).ClickAsync();
        var row = page.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByTestId($"session-row-{id}") });
        // Ready first: while it starts, the button's label changes from Cancel to Stop (and the element with it).
        await Expect(row.GetByTestId("row-status")).ToHaveTextAsync("Ready", new() { Timeout = 60_000 });
        var stop = row.GetByRole(AriaRole.Button, new() { Name = $"Stop session {id}" });
        await Expect(stop).ToBeEnabledAsync();
        await AssertAccessibleAsync(page, "my sessions with a session");
        foreach (var width in new[] { 390, 1440 })
        {
            await page.SetViewportSizeAsync(width, 900);
            Assert.False(
                await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > document.documentElement.clientWidth"),
                $"My sessions scrolls sideways at {width} px.");
        }

        // By keyboard: focus the row's button and press Enter.
        await stop.FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        var dialog = page.GetByRole(AriaRole.Dialog);
        var keepRunning = dialog.GetByRole(AriaRole.Button, new() { Name = "Keep running" });
        await Expect(keepRunning).ToBeFocusedAsync();
        Assert.NotEqual("none", await keepRunning.EvaluateAsync<string>("b => getComputedStyle(b).outlineStyle"));

        await page.Keyboard.PressAsync("Escape");

        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(row.GetByTestId("row-status")).ToHaveTextAsync("Ready");

        await row.GetByRole(AriaRole.Link, new() { Name = $"Launch again like session {id}" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($@"/\?from={id}$"));
        await Expect(page.GetByTestId("filled-from")).ToContainTextAsync(id);
        await Expect(new ExplorePage(page).Launch).ToBeEnabledAsync();
    }

    /// <summary>axe-core on the page as it stands: no serious or critical WCAG 2.1 AA violation (as AccessibilityTests checks the journey).</summary>
    private static async Task AssertAccessibleAsync(IPage page, string name)
    {
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        });
        var serious = result.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Take(3).Select(n => n.Target.ToString()))}")
            .ToList();

        Assert.True(serious.Count == 0, $"The {name} page has accessibility violations:\n" + string.Join("\n", serious));
    }

    [GeneratedRegex(@"/$")]
    private static partial Regex HomeUrl();
}
