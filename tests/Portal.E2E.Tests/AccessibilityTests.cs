using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Portal.E2E.Tests.Infrastructure;
using Portal.E2E.Tests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2E.Tests;

/// <summary>axe-core (Deque) on every page of the journey: no serious or critical WCAG violation.</summary>
[Collection(BrowserTests.Name)]
public sealed partial class AccessibilityTests(BrowserFixture browser) : IAsyncLifetime
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
    public async Task The_journeys_pages_have_no_serious_accessibility_violations()
    {
        // Reduced motion: colour transitions (MudBlazor's buttons fade in) would otherwise be sampled half-way.
        await using var context = await browser.Browser.NewContextAsync(new() { BaseURL = _portal.BaseAddress.ToString(), ReducedMotion = ReducedMotion.Reduce });
        var page = await context.NewPageAsync();

        await page.GotoAsync("/signin");
        await AssertAccessibleAsync(page, "sign-in");
        await new SignInPage(page).SignInAsync("ada");

        await page.GotoAsync("/sessions");
        await Expect(page.GetByTestId("no-sessions")).ToBeVisibleAsync();
        await AssertAccessibleAsync(page, "my sessions (empty)");

        await page.GotoAsync("/");
        var explore = new ExplorePage(page);
        await explore.SelectOnMapAsync("ERA5 reanalysis (us-east-1)");
        await page.GetByLabel("End date").FillAsync("2021-12-01");
        await Expect(page.GetByTestId("error-EndDate")).ToBeVisibleAsync();
        await AssertAccessibleAsync(page, "explore with a message");
        await page.GetByLabel("End date").FillAsync("2022-02-01");

        await explore.Launch.ClickAsync();
        await Expect(page).ToHaveURLAsync(SessionPage.Url());
        var session = new SessionPage(page);
        await Expect(session.Status).ToHaveTextAsync("Ready", new() { Timeout = 60_000 });
        await AssertAccessibleAsync(page, "session");

        var notebook = await session.OpenNotebookAsync();
        await Expect(notebook.GetByTestId("notebook")).ToBeVisibleAsync();
        await AssertAccessibleAsync(notebook, "notebook viewer");
    }

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

}
