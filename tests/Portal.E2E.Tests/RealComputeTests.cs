using Microsoft.Playwright;
using Portal.E2E.Tests.Infrastructure;
using Portal.E2E.Tests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2E.Tests;

/// <summary>
/// The newcomer's journey with real compute: a Dask scheduler, a worker group per region and Jupyter run as processes
/// (Debian's python3-distributed and friends, which CI installs; without them the portal refuses Sandbox:Compute=Local
/// and this test fails naming the packages).
/// </summary>
[Collection(BrowserTests.Name)]
public sealed class RealComputeTests(BrowserFixture browser) : IAsyncLifetime
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan AnalysisTimeout = TimeSpan.FromMinutes(4);
    private PortalHost _portal = null!;

    public ValueTask InitializeAsync()
    {
        _portal = new PortalHost(PortalHost.NewDataDirectory(), new Dictionary<string, string?> { ["Sandbox:Compute"] = "Local" }).Start();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await _portal.DisposeAsync();
        // A failed test may leave the session's processes: end them (their command lines name the data folder).
        LocalProcesses.KillNaming(_portal.DataDirectory);
        Directory.Delete(_portal.DataDirectory, recursive: true);
    }

    [Fact]
    public async Task A_newcomer_runs_the_analysis_next_to_the_data_sees_both_maps_and_no_raw_bytes_crossing_regions()
    {
        await using var context = await browser.Browser.NewContextAsync(new() { BaseURL = _portal.BaseAddress.ToString(), ViewportSize = new() { Width = 1440, Height = 1000 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/signin");
        await new SignInPage(page).SignInAsync("ada");

        var explore = new ExplorePage(page);
        await explore.SelectOnMapAsync("ERA5 reanalysis (us-east-1)");
        await explore.SelectOnMapAsync("CMIP6 projections (us-west-2)");
        await explore.FillSampleFirstRunAsync();
        await explore.Launch.ClickAsync();
        await Expect(page).ToHaveURLAsync(SessionPage.Url());
        var session = new SessionPage(page);
        await Expect(session.Status).ToHaveTextAsync("Ready", new() { Timeout = (float)ReadyTimeout.TotalMilliseconds });
        await Expect(page.GetByTestId("compute-summary")).ToContainTextAsync("Real compute");
        await Expect(page.GetByTestId("dashboard-link")).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex(@"^http://127\.0\.0\.1:\d+/"));
        var id = session.SessionId;
        Assert.NotEmpty(LocalProcesses.Naming(Path.Combine(_portal.DataDirectory, "compute", "sessions", id)));

        // The notebook is a real Jupyter server, opened through a one-time link.
        var notebook = await session.OpenNotebookAsync();
        await Expect(notebook).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($@"^http://127\.0\.0\.1:\d+/notebooks/portal-{id}\.ipynb"));
        await notebook.CloseAsync();

        await page.GetByTestId("run-analysis").ClickAsync();
        await Expect(page.GetByTestId("analysis-status")).ToContainTextAsync("ran every cell", new() { Timeout = (float)AnalysisTimeout.TotalMilliseconds });
        var figures = page.GetByTestId("analysis-figures").GetByRole(AriaRole.Img);
        await Expect(figures).ToHaveCountAsync(2);
        foreach (var figure in await figures.AllAsync())
        {
            Assert.True(await figure.EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"), "A figure did not load.");
        }

        // The notebook reported where its bytes went: read in both regions, no raw byte between them.
        var locality = page.GetByTestId("locality");
        await Expect(locality).ToContainTextAsync("us-east-1");
        await Expect(locality).ToContainTextAsync("us-west-2");
        await Expect(locality).ToContainTextAsync("0 B raw");
        await page.ScreenshotAsync(new() { Path = Path.Combine(ArtifactsFolder(), "real-compute-session-1440.png"), FullPage = true });

        await session.Stop.ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Stop session", Exact = true }).ClickAsync();
        await Expect(session.Status).ToHaveTextAsync("Stopped", new() { Timeout = (float)ReadyTimeout.TotalMilliseconds });
        Assert.Empty(LocalProcesses.Naming(Path.Combine(_portal.DataDirectory, "compute", "sessions", id)));
    }

    private static string ArtifactsFolder()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        return folder;
    }
}
