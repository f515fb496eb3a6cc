using Portal.E2E.Tests.Infrastructure;
using Portal.E2E.Tests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2E.Tests;

/// <summary>A failure as a user meets it: seen, cleaned up by itself, retried to Ready.</summary>
[Collection(BrowserTests.Name)]
public sealed class LifecycleTests(BrowserFixture browser) : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private PortalHost _portal = null!;

    public ValueTask InitializeAsync()
    {
        // The first attempt of the us-east-1 workers fails and rolls back; a retry (a new create token) succeeds.
        _portal = new PortalHost(PortalHost.NewDataDirectory(), new Dictionary<string, string?>
        {
            ["Sandbox:FailStacksContaining"] = "workers-us-east-1",
            ["Sandbox:FailFirstAttemptOnly"] = "true",
        }).Start();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await _portal.DisposeAsync();
        Directory.Delete(_portal.DataDirectory, recursive: true);
    }

    [Fact]
    public async Task A_failed_worker_stack_is_shown_cleaned_up_and_retried_to_ready()
    {
        await using var context = await browser.Browser.NewContextAsync(new() { BaseURL = _portal.BaseAddress.ToString() });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/signin");
        await new SignInPage(page).SignInAsync("ada");
        var explore = new ExplorePage(page);
        await explore.SelectOnMapAsync("ERA5 reanalysis (us-east-1)");
        await page.GetByTestId("session-name-input").Locator("xpath=descendant-or-self::input").FillAsync("Retry me");
        await explore.Launch.ClickAsync();
        await Expect(page).ToHaveURLAsync(SessionPage.Url());
        var session = new SessionPage(page);
        var id = session.SessionId;
        await Expect(page.GetByTestId("session-name")).ToHaveTextAsync("Retry me");

        // The failure: which resource, its status reason, and that what was created is being deleted.
        await Expect(session.Status).ToHaveTextAsync("Failed", new() { Timeout = (float)Timeout.TotalMilliseconds });
        var failure = page.GetByTestId("failure-reason");
        await Expect(failure).ToContainTextAsync($"portal-{id}-workers-us-east-1");
        await Expect(failure).ToContainTextAsync("did not stabilize");
        await Expect(page.GetByTestId("cleanup-status")).ToContainTextAsync("no longer costs", new() { Timeout = (float)Timeout.TotalMilliseconds });
        await Expect(session.Step($"portal-{id}-scheduler").GetByTestId("step-status")).ToHaveTextAsync("Deleted");
        var costAfterCleanUp = await page.GetByTestId("cost-so-far").TextContentAsync();

        await page.GetByTestId("retry").ClickAsync();

        await Expect(session.Status).ToHaveTextAsync("Ready", new() { Timeout = (float)Timeout.TotalMilliseconds });
        await Expect(session.Step($"portal-{id}-workers-us-east-1").GetByTestId("step-status")).ToHaveTextAsync("Complete");
        await Expect(page.GetByTestId("failure-reason")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("auto-stop")).ToContainTextAsync("Stops when idle");
        Assert.NotNull(costAfterCleanUp);
    }
}
