using Portal.E2E.Tests.Infrastructure;
using Portal.E2E.Tests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2E.Tests;

[Collection(BrowserTests.Name)]
public sealed partial class RestartTests(BrowserFixture browser) : IDisposable
{
    private readonly string _dataDirectory = PortalHost.NewDataDirectory();

    public void Dispose() => Directory.Delete(_dataDirectory, recursive: true);

    [Fact]
    public async Task A_portal_stopped_while_provisioning_carries_on_after_a_restart_and_the_session_reaches_ready()
    {
        // Slow stacks, so the portal is stopped with every stack still in progress.
        var slow = new Dictionary<string, string?> { ["Sandbox:StackCreateDuration"] = "00:00:08" };
        string sessionId;
        await using (var context = await browser.Browser.NewContextAsync())
        {
            await using var first = new PortalHost(_dataDirectory, slow).Start();
            var page = await context.NewPageAsync();
            await page.GotoAsync(new Uri(first.BaseAddress, "/signin").ToString());
            await new SignInPage(page).SignInAsync("ada");
            var explore = new ExplorePage(page);
            await explore.SelectOnMapAsync("ERA5 reanalysis (us-east-1)");
            await explore.Launch.ClickAsync();
            await Expect(page).ToHaveURLAsync(SessionPage.Url());
            var session = new SessionPage(page);
            sessionId = session.SessionId;
            await Expect(session.Status).ToHaveTextAsync("Provisioning");
            await Expect(session.Step($"portal-{sessionId}-workers-us-east-1").GetByTestId("step-status")).ToHaveTextAsync("In progress");
            await Expect(session.Status).Not.ToHaveTextAsync("Ready");
        }

        await using var second = new PortalHost(_dataDirectory).Start();
        await using var again = await browser.Browser.NewContextAsync();
        var page2 = await again.NewPageAsync();
        await page2.GotoAsync(new Uri(second.BaseAddress, "/signin").ToString());
        await new SignInPage(page2).SignInAsync("ada");
        await page2.GotoAsync(new Uri(second.BaseAddress, $"/sessions/{sessionId}").ToString());

        var resumed = new SessionPage(page2);
        await Expect(resumed.Status).ToHaveTextAsync("Ready", new() { Timeout = 60_000 });
        await Expect(resumed.OpenNotebook).ToBeEnabledAsync();
        await Expect(resumed.Step($"portal-{sessionId}").GetByTestId("step-status")).ToHaveTextAsync("Complete");
    }

}
