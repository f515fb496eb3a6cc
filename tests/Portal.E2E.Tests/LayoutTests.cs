using Microsoft.Playwright;
using Portal.E2E.Tests.Infrastructure;
using Portal.E2E.Tests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2E.Tests;

/// <summary>
/// Every page at 390, 768, 1024 and 1440 px: no sideways scroll, navigation and Sign out reachable, the cost summary
/// and Launch in view on a desktop. Saves a screenshot of each main page at 390 and 1440 px (test output, screenshots/).
/// </summary>
[Collection(BrowserTests.Name)]
public sealed class LayoutTests(BrowserFixture browser) : IAsyncLifetime
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
    public async Task Every_page_fits_phone_tablet_laptop_and_desktop_widths_without_sideways_scroll()
    {
        await using var context = await browser.Browser.NewContextAsync(new()
        {
            BaseURL = _portal.BaseAddress.ToString(),
            ViewportSize = new() { Width = 1440, Height = 1000 },
            ReducedMotion = ReducedMotion.Reduce,
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/signin");
        await new SignInPage(page).SignInAsync("grace", "Admin");
        var explore = new ExplorePage(page);
        await explore.SelectOnMapAsync("ERA5 reanalysis (us-east-1)");
        await explore.SelectOnMapAsync("CMIP6 projections (us-west-2)");
        await explore.ChooseAsync("Data type", "Both");
        await explore.Launch.ClickAsync();
        await Expect(page).ToHaveURLAsync(SessionPage.Url());
        var session = new SessionPage(page);
        await Expect(session.Status).ToHaveTextAsync("Ready", new() { Timeout = 60_000 });
        var sessionUrl = page.Url;
        var notebook = await session.OpenNotebookAsync();
        await Expect(notebook.GetByTestId("notebook")).ToBeVisibleAsync();

        foreach (var width in PageLayout.Widths)
        {
            await page.SetViewportSizeAsync(width, 1000);
            await notebook.SetViewportSizeAsync(width, 1000);
            var screenshot = width is 390 or 1440;

            await page.GotoAsync("/");
            await Expect(explore.MapMarker("ERA5 reanalysis (us-east-1)")).ToBeEnabledAsync();
            await AssertFitsAsync(page, "explore", width, screenshot);
            await AssertNavigationReachableAsync(page, width);

            await page.GotoAsync(sessionUrl);
            await Expect(session.Status).ToHaveTextAsync("Ready");
            await Expect(session.OpenNotebook).ToBeEnabledAsync();
            await AssertFitsAsync(page, "session", width, screenshot);

            await page.GotoAsync("/sessions");
            await Expect(page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Stop session") })).ToBeEnabledAsync();
            await AssertFitsAsync(page, "my-sessions", width, screenshot);

            await page.GotoAsync("/costs");
            await Expect(page.GetByTestId("cost-history")).ToBeVisibleAsync();
            await AssertFitsAsync(page, "my-costs", width, screenshot);

            await page.GotoAsync("/admin/regions");
            await Expect(page.GetByTestId("regions-table")).ToBeVisibleAsync();
            await AssertFitsAsync(page, "regions", width, screenshot);

            await AssertFitsAsync(notebook, "notebook-viewer", width, screenshot);

            await page.GotoAsync("/no/such/page");
            await AssertFitsAsync(page, "not-found", width, screenshot: false);
        }
    }

    [Fact]
    public async Task On_a_desktop_the_cost_summary_and_launch_stay_in_view_while_the_form_scrolls()
    {
        await using var context = await browser.Browser.NewContextAsync(new()
        {
            BaseURL = _portal.BaseAddress.ToString(),
            ViewportSize = new() { Width = 1440, Height = 1000 },
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/signin");
        await new SignInPage(page).SignInAsync("ada");
        var explore = new ExplorePage(page);
        await explore.SelectOnMapAsync("ERA5 reanalysis (us-east-1)");
        await explore.SelectOnMapAsync("CMIP6 projections (us-west-2)");
        // A form that can launch: only then does the panel show a figure.
        await explore.FillSampleFirstRunAsync();
        await Expect(explore.CostTotal).ToBeVisibleAsync();

        Assert.True(await PageLayout.InViewAsync(explore.CostTotal), "The total is below the fold at 1440x1000.");
        Assert.True(await PageLayout.InViewAsync(explore.Launch), "Launch is below the fold at 1440x1000.");

        await page.GetByLabel("Maximum hours").ScrollIntoViewIfNeededAsync();
        Assert.True(await PageLayout.InViewAsync(explore.CostTotal), "The total scrolls away with the form.");
        Assert.True(await PageLayout.InViewAsync(explore.Launch), "Launch scrolls away with the form.");
    }

    [Fact]
    public async Task On_a_phone_the_region_markers_do_not_cover_each_other_are_big_enough_to_tap_and_the_total_stays_in_sight()
    {
        await using var context = await browser.Browser.NewContextAsync(new()
        {
            BaseURL = _portal.BaseAddress.ToString(),
            ViewportSize = new() { Width = 390, Height = 844 },
            HasTouch = true,
            IsMobile = true,
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/signin");
        await new SignInPage(page).SignInAsync("ada");
        var explore = new ExplorePage(page);
        var markers = page.Locator("button.region-marker");
        await Expect(markers.First).ToBeEnabledAsync();

        var boxes = new List<LocatorBoundingBoxResult>();
        foreach (var marker in await markers.AllAsync())
        {
            boxes.Add((await marker.BoundingBoxAsync())!);
        }

        Assert.True(boxes.Count >= 2, $"Only {boxes.Count} region markers.");
        for (var i = 0; i < boxes.Count; i++)
        {
            Assert.True(boxes[i].Width >= 24 && boxes[i].Height >= 24, $"Marker {i} is {boxes[i].Width}x{boxes[i].Height}, under a 24 px touch target.");
            for (var j = i + 1; j < boxes.Count; j++)
            {
                // Round markers: centres at least one diameter apart (less a pixel for rounding).
                var distance = Math.Sqrt(Math.Pow(boxes[i].X - boxes[j].X, 2) + Math.Pow(boxes[i].Y - boxes[j].Y, 2));
                Assert.True(distance >= boxes[i].Width - 1, $"Markers {i} and {j} overlap at 390 px ({distance:0.0} px apart).");
            }
        }

        var west = page.GetByTestId("map-region-marker-us-west-2");
        await west.TapAsync();
        await Expect(west).ToHaveAttributeAsync("aria-expanded", "true");
        await Expect(page.GetByTestId("dataset-row-era5")).ToHaveCountAsync(0);
        // ERA5's new home: a selection the default form can launch, so the bar shows a total.
        var era5 = explore.MapMarker("ERA5 reanalysis (NSF NCAR) (us-west-2)");
        await era5.TapAsync();
        await Expect(era5).ToHaveAttributeAsync("aria-checked", "true");

        // The form runs far below: the bar at the foot keeps the total in sight and leads to Launch.
        var bar = page.GetByTestId("launch-bar");
        await Expect(bar).ToBeVisibleAsync();
        Assert.True(await PageLayout.InViewAsync(page.GetByTestId("launch-bar-total")), "The phone's cost bar is not in view.");
        await page.GetByTestId("launch-bar-link").TapAsync();
        await Expect(explore.Launch).ToBeInViewportAsync();
    }

    [Fact]
    public async Task The_phone_cost_bar_is_not_shown_on_wider_screens()
    {
        await using var context = await browser.Browser.NewContextAsync(new()
        {
            BaseURL = _portal.BaseAddress.ToString(),
            ViewportSize = new() { Width = 1024, Height = 900 },
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/signin");
        await new SignInPage(page).SignInAsync("ada");
        await Expect(new ExplorePage(page).Launch).ToBeVisibleAsync();

        await Expect(page.GetByTestId("launch-bar")).ToBeHiddenAsync();
    }

    private static async Task AssertFitsAsync(IPage page, string name, int width, bool screenshot)
    {
        if (screenshot)
        {
            await Screenshots.SaveAsync(page, name);
        }

        Assert.False(await PageLayout.ScrollsSidewaysAsync(page),
            $"The {name} page scrolls sideways at {width} px; too wide: {await PageLayout.OverflowingAsync(page)}");
        Assert.True(await PageLayout.CellsFitAsync(page), $"A table cell on the {name} page runs past its table at {width} px.");
    }

    /// <summary>Phones and tablets (below 960 px) get a menu button that opens the navigation; wider screens show it in the bar. Sign out is always there.</summary>
    private static async Task AssertNavigationReachableAsync(IPage page, int width)
    {
        var signOut = page.GetByRole(AriaRole.Button, new() { Name = "Sign out" });
        await Expect(signOut).ToBeVisibleAsync();
        Assert.True(await PageLayout.InViewAsync(signOut), $"Sign out is off-screen at {width} px.");
        var mySessions = page.GetByRole(AriaRole.Link, new() { Name = "My sessions" });
        if (width < 960)
        {
            await Expect(mySessions).ToHaveCountAsync(0);
            await page.GetByRole(AriaRole.Button, new() { Name = "Menu" }).ClickAsync();
            await Expect(mySessions).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Admin", Exact = true })).ToBeVisibleAsync();
            await page.Keyboard.PressAsync("Escape");
        }
        else
        {
            await Expect(mySessions).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Menu" })).ToBeHiddenAsync();
        }
    }
}
