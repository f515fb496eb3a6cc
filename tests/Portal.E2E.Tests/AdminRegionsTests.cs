using System.Text.RegularExpressions;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Portal.E2E.Tests.Infrastructure;
using Portal.E2E.Tests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2E.Tests;

/// <summary>The Regions admin page in a real browser against the sandbox cloud: foundations of worker regions.</summary>
[Collection(BrowserTests.Name)]
public sealed partial class AdminRegionsTests(BrowserFixture browser) : IAsyncLifetime
{
    private static readonly TimeSpan FoundationTimeout = TimeSpan.FromSeconds(30);
    private PortalHost _portal = null!;

    public ValueTask InitializeAsync()
    {
        _portal = new PortalHost(PortalHost.NewDataDirectory(), new Dictionary<string, string?>
        {
            // Long enough to see Creating, short enough for a test; the page looks again every quarter second.
            ["Sandbox:StackCreateDurations:RegionFoundation"] = "00:00:04",
            ["Foundation:StatusPollInterval"] = "00:00:00.250",
        }).Start();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await _portal.DisposeAsync();
        Directory.Delete(_portal.DataDirectory, recursive: true);
    }

    [Fact]
    public async Task An_admin_creates_the_us_east_1_foundation_and_sees_it_become_ready()
    {
        await using var context = await browser.Browser.NewContextAsync(new() { BaseURL = _portal.BaseAddress.ToString() });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/signin");
        await new SignInPage(page).SignInAsync("grace", "Admin");
        // Follow the link once the explore page is live: a click while its circuit starts can race the navigation.
        await Expect(new ExplorePage(page).MapMarker("ERA5 reanalysis (us-east-1)")).ToBeEnabledAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Admin", Exact = true }).ClickAsync();
        // The admin area opens on its Sessions page; its own navigation leads to Regions.
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "All sessions", Level = 1 })).ToBeVisibleAsync();
        await page.GetByTestId("admin-nav").GetByRole(AriaRole.Link, new() { Name = "Regions" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(RegionsUrl());
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Regions", Level = 1 })).ToBeVisibleAsync();
        await Expect(Row(page, "eu-west-2").GetByTestId("region-role")).ToHaveTextAsync("Home");
        var row = Row(page, "us-east-1");
        await Expect(row.GetByTestId("region-cidr")).ToHaveTextAsync("10.1.0.0/16");
        await Expect(row.GetByTestId("region-datasets")).ToContainTextAsync("ERA5 reanalysis");
        await Expect(row.GetByTestId("foundation-status")).ToHaveTextAsync("Not created");

        await row.GetByRole(AriaRole.Button, new() { Name = "Create foundation for us-east-1" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Expect(dialog).ToContainTextAsync("FSx for Lustre");
        await Expect(dialog).ToContainTextAsync("about 10 minutes");
        await Expect(dialog).ToContainTextAsync("Transit Gateway peering");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Create foundation", Exact = true }).ClickAsync();

        await Expect(row.GetByTestId("foundation-status")).ToHaveTextAsync("Creating");
        await Expect(row.GetByTestId("foundation-message")).ToContainTextAsync("Creating portal-region-us-east-1 in us-east-1");
        await Expect(row.GetByTestId("foundation-status")).ToHaveTextAsync("Ready", new() { Timeout = (float)FoundationTimeout.TotalMilliseconds });
        await Expect(row.GetByTestId("foundation-events")).ToContainTextAsync("FileSystem (AWS::FSx::FileSystem) CREATE_COMPLETE");
        await Expect(row.GetByRole(AriaRole.Button, new() { Name = "Delete foundation for us-east-1" })).ToBeEnabledAsync();
        await Expect(Row(page, "us-west-2").GetByTestId("foundation-status")).ToHaveTextAsync("Not created");
        await AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task An_admin_adds_a_worker_region_disables_another_and_the_explore_map_greys_it()
    {
        await using var context = await browser.Browser.NewContextAsync(new() { BaseURL = _portal.BaseAddress.ToString() });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/signin");
        await new SignInPage(page).SignInAsync("grace", "Admin");
        await Expect(new ExplorePage(page).MapMarker("ERA5 reanalysis (us-east-1)")).ToBeEnabledAsync();
        await page.GotoAsync("/admin/regions");
        var add = page.GetByRole(AriaRole.Button, new() { Name = "Add worker region" });
        await Expect(add).ToBeEnabledAsync();
        await Expect(page.GetByLabel("CIDR")).ToHaveValueAsync("10.3.0.0/16");

        var explore = new ExplorePage(page);
        await explore.ChooseAsync("Region", "ap-south-1");
        await add.ClickAsync();

        await Expect(Row(page, "ap-south-1").GetByTestId("region-cidr")).ToHaveTextAsync("10.3.0.0/16");
        await Expect(page.GetByTestId("regions-message")).ToContainTextAsync("portal:workerRegions");
        await Expect(Row(page, "ap-south-1").GetByTestId("foundation-status")).ToHaveTextAsync("Not created");

        await Row(page, "us-east-1").GetByRole(AriaRole.Button, new() { Name = "Disable us-east-1" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Expect(dialog).ToContainTextAsync("Sessions running there now are not touched");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Disable region", Exact = true }).ClickAsync();
        await Expect(Row(page, "us-east-1").GetByTestId("region-enabled")).ToHaveTextAsync("Disabled");
        await AssertAccessibleAsync(page);

        await page.GotoAsync("/");
        await Expect(page.GetByTestId("map-region-disabled-us-east-1")).ToHaveTextAsync("disabled");
        await Expect(page.GetByTestId("map-region-marker-us-east-1")).ToHaveAttributeAsync("title", new Regex("worker region disabled by an admin$"));
    }

    [Fact]
    public async Task A_plain_user_has_no_admin_link_and_is_refused_at_the_regions_page()
    {
        await using var context = await browser.Browser.NewContextAsync(new() { BaseURL = _portal.BaseAddress.ToString() });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/signin");
        await new SignInPage(page).SignInAsync("ada");
        await Expect(page.GetByTestId("signed-in-user")).ToContainTextAsync("ada");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "My sessions" })).ToBeVisibleAsync();

        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Admin", Exact = true })).ToHaveCountAsync(0);

        var response = await page.GotoAsync("/admin/regions");

        // The server refuses before any page renders: it redirects the request away (to its access-denied page).
        Assert.EndsWith("/admin/regions", response?.Request.RedirectedFrom?.Url, StringComparison.Ordinal);
        await Expect(page).Not.ToHaveURLAsync(RegionsUrl());
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Regions" })).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("regions-table")).ToHaveCountAsync(0);
    }

    /// <summary>The grid draws the rows itself: a region's row is the one holding its region cell.</summary>
    private static ILocator Row(IPage page, string region) =>
        page.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByTestId($"region-row-{region}") });

    /// <summary>axe-core on the page as it stands: no serious or critical WCAG 2.1 AA violation (as AccessibilityTests checks the journey).</summary>
    private static async Task AssertAccessibleAsync(IPage page)
    {
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        });
        var serious = result.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Take(3).Select(n => n.Target.ToString()))}")
            .ToList();

        Assert.True(serious.Count == 0, "The Regions page has accessibility violations:\n" + string.Join("\n", serious));
    }

    [GeneratedRegex("/admin/regions$")]
    private static partial Regex RegionsUrl();
}
