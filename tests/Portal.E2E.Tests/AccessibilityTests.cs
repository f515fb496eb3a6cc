using System.Text.RegularExpressions;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Portal.E2E.Tests.Infrastructure;
using Portal.E2E.Tests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2E.Tests;

/// <summary>axe-core (Deque) on every page, on a phone and on a desktop: no serious or critical WCAG 2.1 AA violation.</summary>
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

    [Theory]
    [InlineData(390, 844)]
    [InlineData(1440, 1000)]
    public async Task Every_page_has_no_serious_accessibility_violations(int width, int height)
    {
        // Reduced motion: colour transitions (MudBlazor's buttons fade in) would otherwise be sampled half-way.
        await using var context = await browser.Browser.NewContextAsync(new()
        {
            BaseURL = _portal.BaseAddress.ToString(),
            ViewportSize = new() { Width = width, Height = height },
            ReducedMotion = ReducedMotion.Reduce,
        });
        var page = await context.NewPageAsync();
        var at = $"{width} px";

        await page.GotoAsync("/signin");
        await AssertAccessibleAsync(page, $"sign-in at {at}");
        await new SignInPage(page).SignInAsync("grace", "Admin");

        await page.GotoAsync("/sessions");
        await Expect(page.GetByTestId("no-sessions")).ToBeVisibleAsync();
        await AssertAccessibleAsync(page, $"my sessions (empty) at {at}");

        await page.GotoAsync("/");
        var explore = new ExplorePage(page);
        await explore.SelectOnMapAsync("ERA5 reanalysis (us-east-1)");
        await AssertAccessibleAsync(page, $"explore at {at}");
        // The cost panel's comparison and foundations, opened.
        await page.GetByTestId("cost-copy-home").Locator("summary").ClickAsync();
        await page.GetByTestId("cost-foundations").Locator("summary").ClickAsync();
        await Expect(page.GetByTestId("side-copy-home")).ToBeVisibleAsync();
        await AssertAccessibleAsync(page, $"explore with the cost comparison open at {at}");
        await explore.TypeDateAsync("End date", "2021-12-01");
        await Expect(page.GetByTestId("error-EndDate")).ToBeVisibleAsync();
        await AssertAccessibleAsync(page, $"explore with a message at {at}");
        await explore.TypeDateAsync("End date", "2022-02-01");
        await explore.ChooseAsync("Data type", "Both");
        await explore.SelectOnMapAsync("CMIP6 projections (us-west-2)");
        await AssertAccessibleAsync(page, $"explore with CMIP6 facets at {at}");
        await explore.Select("Activity IDs").ClickAsync();
        await Expect(explore.Option("CMIP")).ToBeVisibleAsync();
        await AssertAccessibleAsync(page, $"explore with a select open at {at}");
        await page.Keyboard.PressAsync("Escape");
        if (width < 600)
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "Menu" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = "My sessions" })).ToBeVisibleAsync();
            await AssertAccessibleAsync(page, $"navigation drawer at {at}");
            await page.Keyboard.PressAsync("Escape");
            await page.GotoAsync("/");
            await Expect(explore.Launch).ToBeVisibleAsync();
            await explore.SelectOnMapAsync("ERA5 reanalysis (us-east-1)");
        }

        await explore.Launch.ClickAsync();
        await Expect(page).ToHaveURLAsync(SessionPage.Url());
        var session = new SessionPage(page);
        await Expect(session.Status).ToHaveTextAsync("Ready", new() { Timeout = 60_000 });
        await page.GetByTestId($"details-us-east-1").Locator("summary").ClickAsync();
        await AssertAccessibleAsync(page, $"session (Ready, details open) at {at}");

        await session.Stop.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Dialog)).ToBeVisibleAsync();
        await AssertAccessibleAsync(page, $"stop dialog at {at}");
        await page.Keyboard.PressAsync("Escape");
        await Expect(page.GetByRole(AriaRole.Dialog)).ToHaveCountAsync(0);

        var notebook = await session.OpenNotebookAsync();
        await Expect(notebook.GetByTestId("notebook")).ToBeVisibleAsync();
        await AssertAccessibleAsync(notebook, $"notebook viewer at {at}");

        await page.GotoAsync("/sessions");
        await Expect(page.GetByTestId("session-filter")).ToBeVisibleAsync();
        await AssertAccessibleAsync(page, $"my sessions at {at}");

        await page.GotoAsync("/costs");
        await Expect(page.GetByTestId("cost-history")).ToBeVisibleAsync();
        await AssertAccessibleAsync(page, $"my costs at {at}");

        await page.GotoAsync("/admin/regions");
        await Expect(page.GetByTestId("regions-table")).ToBeVisibleAsync();
        await AssertAccessibleAsync(page, $"regions at {at}");

        await page.GotoAsync("/admin/sessions");
        await Expect(page.GetByTestId("admin-sessions-table")).ToBeVisibleAsync();
        // Interactive: the filters are enabled (a disabled control's faded label is not what users see for long).
        await Expect(page.GetByRole(AriaRole.Textbox, new() { Name = "User" })).ToBeEnabledAsync();
        await AssertAccessibleAsync(page, $"admin sessions at {at}");

        await page.GotoAsync("/admin/account");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
        await AssertAccessibleAsync(page, $"admin account at {at}");

        await page.GotoAsync("/admin/audit");
        await Expect(page.GetByTestId("audit-table")).ToBeVisibleAsync();
        await AssertAccessibleAsync(page, $"audit log at {at}");

        await page.GotoAsync("/no/such/page");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Page not found" })).ToBeVisibleAsync();
        await AssertAccessibleAsync(page, $"not found at {at}");

        await page.GotoAsync("/");
        // Sign out once the page is live: a click while its circuit starts can land on the prerendered form being replaced.
        await Expect(explore.MapMarker("ERA5 reanalysis (us-east-1)")).ToBeEnabledAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(page.GetByTestId("signed-out")).ToBeVisibleAsync();
        await AssertAccessibleAsync(page, $"signed out at {at}");

        await page.GotoAsync("/account/no-role");
        await Expect(page.GetByTestId("no-role")).ToBeVisibleAsync();
        await AssertAccessibleAsync(page, $"no role at {at}");

        await page.GotoAsync("/signin");
        await new SignInPage(page).SignInAsync("ada");
        await Expect(page.GetByTestId("signed-in-user")).ToContainTextAsync("ada");
        await page.GotoAsync("/admin/regions");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "This page needs the Admin role" })).ToBeVisibleAsync();
        await AssertAccessibleAsync(page, $"admin role needed at {at}");
    }

    private static async Task AssertAccessibleAsync(IPage page, string name)
    {
        // When the circuit starts, Blazor's HeadOutlet replaces the prerendered <title> with its own: for a moment the
        // document has none. A page without a title fails every time; one caught in that moment has it a little later.
        List<string> serious = [];
        for (var attempt = 0; attempt < 3; attempt++)
        {
            await Expect(page).ToHaveTitleAsync(new Regex(@"\S"));
            var result = await page.RunAxe(new AxeRunOptions
            {
                RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
            });
            var violations = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
            serious = [.. violations.Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Take(3).Select(n => n.Target.ToString()))}")];
            if (!violations.Any(v => v.Id == "document-title"))
            {
                break;
            }
        }

        Assert.True(serious.Count == 0, $"The {name} page has accessibility violations:\n" + string.Join("\n", serious));
    }
}
