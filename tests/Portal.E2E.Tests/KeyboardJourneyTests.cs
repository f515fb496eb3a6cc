using Microsoft.Playwright;
using Portal.E2E.Tests.Infrastructure;
using Portal.E2E.Tests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2E.Tests;

/// <summary>
/// The newcomer's journey with the keyboard alone (Tab, Enter, Space, arrows, typing), on a phone and on a desktop:
/// sign in, select ERA5 and CMIP6 on the map, fill the form, Launch, wait for Ready, Open notebook. Every control the
/// journey lands on shows where the focus is.
/// </summary>
[Collection(BrowserTests.Name)]
public sealed class KeyboardJourneyTests(BrowserFixture browser) : IAsyncLifetime
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

    [Theory]
    [InlineData(390, 844)]
    [InlineData(1440, 1000)]
    public async Task The_journey_works_by_keyboard_alone(int width, int height)
    {
        await using var context = await browser.Browser.NewContextAsync(new()
        {
            BaseURL = _portal.BaseAddress.ToString(),
            ViewportSize = new() { Width = width, Height = height },
            ReducedMotion = ReducedMotion.Reduce,
        });
        var page = await context.NewPageAsync();
        var unseenFocus = new List<string>();

        async Task TabToAsync(ILocator target)
        {
            await Keyboard.TabToAsync(page, target);
            if (!await Keyboard.FocusIsVisibleAsync(page))
            {
                unseenFocus.Add(target.ToString() ?? "?");
            }
        }

        // Sign in: the user name, the role (a native select: arrows), Sign in with Enter.
        await page.GotoAsync("/signin");
        await TabToAsync(page.GetByLabel("User name"));
        await Keyboard.TypeAsync(page, "ada");
        await TabToAsync(page.GetByLabel("Role"));
        await TabToAsync(page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }));
        await page.Keyboard.PressAsync("Enter");

        // The dataset list is one Tab stop over the whole registry: Tab into it, the arrows move, Space selects.
        var explore = new ExplorePage(page);
        var era5 = explore.MapMarker("ERA5 reanalysis (us-east-1)");
        var cmip6 = explore.MapMarker("CMIP6 projections (us-west-2)");
        await Expect(era5).ToBeEnabledAsync();
        await TabToAsync(page.Locator("#dataset-browser .portal-dataset-check[tabindex='0']"));
        await ArrowDownToAsync(page, cmip6);
        await page.Keyboard.PressAsync("Space");
        await Expect(cmip6).ToHaveAttributeAsync("aria-checked", "true");
        await ArrowDownToAsync(page, era5);
        await page.Keyboard.PressAsync("Space");
        await Expect(era5).ToHaveAttributeAsync("aria-checked", "true");

        // The form: selects open with Enter and move with the arrows; dates and numbers are typed.
        var dataType = explore.Select("Data type");
        await TabToAsync(dataType);
        await Keyboard.ChooseInSelectAsync(page, dataType, "Both");
        await Expect(dataType).ToContainTextAsync("Both");

        await TabToAsync(explore.DateField("Start date"));
        await page.Keyboard.PressAsync("Control+a");
        await Keyboard.TypeAsync(page, "2022-01-01");
        await TabToAsync(explore.DateField("End date"));
        await page.Keyboard.PressAsync("Control+a");
        await Keyboard.TypeAsync(page, "2022-11-28");
        await page.Keyboard.PressAsync("Tab");
        await Expect(explore.DateField("End date")).ToHaveValueAsync("2022-11-28");

        var activities = explore.Select("Activity IDs");
        await TabToAsync(activities);
        await Keyboard.ToggleInMultiSelectAsync(page, activities, "CMIP");
        await Expect(activities).ToHaveValueAsync("ScenarioMIP, CMIP");

        await TabToAsync(page.GetByLabel("Workers per region"));
        await page.Keyboard.PressAsync("Control+a");
        await Keyboard.TypeAsync(page, "3");
        await Expect(explore.CostTotal).Not.ToHaveTextAsync("$0.00");
        await Expect(page.GetByTestId("cost-region-us-west-2")).ToBeAttachedAsync();

        // The filled page, from the top, is README's screenshot (docs/images/explore.png).
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        await Screenshots.SaveAsync(page, "explore-filled");

        // Launch with Enter; the session page follows it to Ready.
        await TabToAsync(explore.Launch);
        await Expect(explore.Launch).ToBeEnabledAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(SessionPage.Url());
        var session = new SessionPage(page);
        await Expect(session.Status).ToHaveTextAsync("Ready", new() { Timeout = 60_000 });
        await Expect(page.GetByTestId("pool-workers-us-east-1")).ToContainTextAsync("3 requested");

        // Open notebook with Enter: the notebook opens in a new tab with the chosen dates.
        await Expect(session.OpenNotebook).ToBeEnabledAsync();
        await TabToAsync(session.OpenNotebook);
        var notebook = await page.RunAndWaitForPopupAsync(() => page.Keyboard.PressAsync("Enter"));
        await Expect(notebook.GetByTestId("cell-parameters")).ToContainTextAsync("END_DATE = \"2022-11-28\"");
        await Expect(notebook.GetByTestId("cell-parameters")).ToContainTextAsync("ACTIVITY_IDS = [\"ScenarioMIP\", \"CMIP\"]");

        Assert.True(unseenFocus.Count == 0, $"Focus was not visible at {width} px on: " + string.Join(", ", unseenFocus));    }

    /// <summary>Presses ArrowDown until <paramref name="target"/> has the focus (at most 30 times).</summary>
    private static async Task ArrowDownToAsync(IPage page, ILocator target)
    {
        for (var i = 0; i < 30; i++)
        {
            if (await target.EvaluateAsync<bool>("e => e === document.activeElement"))
            {
                return;
            }

            await page.Keyboard.PressAsync("ArrowDown");
        }

        Assert.Fail("ArrowDown did not reach the dataset within 30 presses.");
    }
}
