using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Portal.E2E.Tests.Infrastructure;
using Portal.E2E.Tests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2E.Tests;

/// <summary>The admin's Sessions page in a real browser against the sandbox cloud: another user's session, force-stopped.</summary>
[Collection(BrowserTests.Name)]
public sealed partial class AdminSessionsTests(BrowserFixture browser) : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
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
    public async Task An_admin_sees_adas_session_and_force_stops_it()
    {
        var id = await LaunchAsAdaAsync();
        await using var context = await browser.Browser.NewContextAsync(new() { BaseURL = _portal.BaseAddress.ToString() });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/signin");
        await new SignInPage(page).SignInAsync("grace", "Admin");
        await Expect(new ExplorePage(page).MapMarker("ERA5 reanalysis (us-east-1)")).ToBeEnabledAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Admin", Exact = true }).ClickAsync();

        await Expect(page).ToHaveURLAsync(SessionsUrl());
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "All sessions", Level = 1 })).ToBeVisibleAsync();
        var row = page.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByTestId($"admin-session-row-{id}") });
        await Expect(row.GetByTestId("admin-session-owner")).ToHaveTextAsync("ada");
        await Expect(row.GetByTestId("admin-session-regions")).ToHaveTextAsync("us-east-1");
        await Expect(row.GetByTestId("admin-session-state")).ToContainTextAsync("Ready", new() { Timeout = (float)Timeout.TotalMilliseconds });
        await Expect(page.GetByTestId("reaper-findings")).ToBeVisibleAsync();

        await page.GetByTestId($"force-stop-{id}").ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Stop session", Exact = true }).ClickAsync();

        await Expect(page.GetByTestId("admin-sessions-message")).ToContainTextAsync("ada");
        await Expect(row.GetByTestId("admin-session-state")).ToContainTextAsync(new Regex("Stopping|Stopped"));
        await Expect(row.GetByTestId("admin-session-state")).ToContainTextAsync("Stopped", new() { Timeout = (float)Timeout.TotalMilliseconds });
        await Expect(page.GetByTestId($"force-stop-{id}")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task The_admin_pages_do_not_scroll_sideways_on_a_phone()
    {
        await LaunchAsAdaAsync();
        await using var context = await browser.Browser.NewContextAsync(new()
        {
            BaseURL = _portal.BaseAddress.ToString(),
            ViewportSize = new() { Width = 390, Height = 844 },
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/signin");
        await new SignInPage(page).SignInAsync("grace", "Admin");

        await page.GotoAsync("/admin/sessions");
        await Expect(page.GetByTestId("admin-sessions-table")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("admin-nav")).ToBeVisibleAsync();
        await AssertFitsAsync(page, "admin sessions");

        await page.GotoAsync("/admin/account");
        await Expect(page.GetByTestId("price-book")).ToBeVisibleAsync();
        await AssertFitsAsync(page, "admin account");
    }

    private static async Task AssertFitsAsync(IPage page, string name)
    {
        Assert.False(await PageLayout.ScrollsSidewaysAsync(page),
            $"The {name} page scrolls sideways at 390 px; too wide: {await PageLayout.OverflowingAsync(page)}");
        Assert.True(await PageLayout.CellsFitAsync(page), $"A table cell on the {name} page runs past its table at 390 px.");
    }

    /// <summary>Ada launches an ERA5 session and it is on its way; returns its id.</summary>
    private async Task<string> LaunchAsAdaAsync()
    {
        await using var context = await browser.Browser.NewContextAsync(new() { BaseURL = _portal.BaseAddress.ToString() });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/signin");
        await new SignInPage(page).SignInAsync("ada");
        var explore = new ExplorePage(page);
        await explore.SelectOnMapAsync("ERA5 reanalysis (us-east-1)");
        await explore.Launch.ClickAsync();
        await Expect(page).ToHaveURLAsync(SessionPage.Url());
        return new SessionPage(page).SessionId;
    }

    [GeneratedRegex("/admin/sessions$")]
    private static partial Regex SessionsUrl();
}
