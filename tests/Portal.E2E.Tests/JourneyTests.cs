using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Portal.E2E.Tests.Infrastructure;
using Portal.E2E.Tests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2E.Tests;

[Collection(BrowserTests.Name)]
public sealed partial class JourneyTests(BrowserFixture browser) : IAsyncLifetime
{
    private static readonly TimeSpan ProvisioningTimeout = TimeSpan.FromSeconds(60);
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
    public async Task A_newcomer_goes_from_the_map_to_a_notebook_with_the_sample_inputs()
    {
        await using var context = await browser.Browser.NewContextAsync(new() { BaseURL = _portal.BaseAddress.ToString() });
        // The Content-Security-Policy must allow everything Blazor, MudBlazor and the notebook viewer load.
        var policyViolations = new List<string>();
        context.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                lock (policyViolations)
                {
                    policyViolations.Add(message.Text);
                }
            }
        };
        var page = await context.NewPageAsync();

        await page.GotoAsync("/");
        await Expect(page).ToHaveURLAsync(SignInUrl());
        await Expect(page.GetByTestId("sandbox-badge")).ToHaveTextAsync("Sandbox");
        await new SignInPage(page).SignInAsync("ada");

        var explore = new ExplorePage(page);
        await explore.SelectOnMapAsync("ERA5 reanalysis (us-east-1)");
        await explore.SelectOnMapAsync("CMIP6 projections (us-west-2)");
        await explore.FillSampleFirstRunAsync();

        await Expect(explore.CostTotal).ToHaveTextAsync(DollarAmount());
        await Expect(explore.CostTotal).Not.ToHaveTextAsync("$0.00");
        await Expect(page.GetByTestId("cost-region-us-east-1")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("cost-region-us-west-2")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("prices-as-of")).ToContainTextAsync("Prices as of 2026-05-08");

        await explore.Launch.ClickAsync();
        await Expect(page).ToHaveURLAsync(SessionPage.Url());
        var session = new SessionPage(page);
        await Expect(session.Status).ToHaveTextAsync("Ready", new() { Timeout = (float)ProvisioningTimeout.TotalMilliseconds });
        var id = session.SessionId;
        await Expect(session.Step($"portal-{id}-workers-us-east-1").GetByTestId("step-status")).ToHaveTextAsync("Complete");
        await Expect(session.Step($"portal-{id}-workers-us-west-2").GetByTestId("step-status")).ToHaveTextAsync("Complete");
        await Expect(session.Step($"portal-{id}-scheduler").GetByTestId("step-status")).ToHaveTextAsync("Complete");

        var notebook = await session.OpenNotebookAsync();
        await Expect(notebook.GetByRole(AriaRole.Heading, new() { Name = $"portal-{id}.ipynb" })).ToBeVisibleAsync();
        var parameters = notebook.GetByTestId("cell-parameters");
        await Expect(parameters).ToContainTextAsync($"SESSION_ID = \"{id}\"");
        await Expect(parameters).ToContainTextAsync($"SCHEDULER_ADDRESS = \"tcp://scheduler.{id}.portal.internal:8786\"");
        await Expect(parameters).ToContainTextAsync("DATA_TYPE = \"Both\"");
        await Expect(parameters).ToContainTextAsync("VARIABLE_CATEGORY = \"temperature\"");
        await Expect(parameters).ToContainTextAsync("VARIABLE = \"air_temperature_at_2_metres\"");
        await Expect(parameters).ToContainTextAsync("START_DATE = \"2022-01-01\"");
        await Expect(parameters).ToContainTextAsync("END_DATE = \"2022-11-28\"");
        await Expect(parameters).ToContainTextAsync("ACTIVITY_IDS = [\"ScenarioMIP\", \"CMIP\"]");
        await Expect(parameters).ToContainTextAsync("/fsx/us-east-1/era5-pds");
        await Expect(parameters).ToContainTextAsync("/fsx/us-west-2/cmip6-pds");
        await Expect(notebook.GetByTestId("notebook")).Not.ToContainTextAsync("input(");
        await Expect(parameters).ToContainTextAsync("PORTAL_COST_TOKEN = \"•••• (hidden)\"");
        await Expect(notebook.GetByTestId("cell-title").GetByRole(AriaRole.Heading, new() { Name = $"Portal session {id}" })).ToBeVisibleAsync();
        await Expect(notebook.GetByTestId("back-to-session")).ToHaveAttributeAsync("href", $"/sessions/{id}");
        foreach (var width in new[] { 1440, 390 })
        {
            await notebook.SetViewportSizeAsync(width, 900);
            Assert.False(
                await notebook.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > document.documentElement.clientWidth"),
                $"The notebook viewer scrolls sideways at {width} px.");
        }

        var download = await notebook.RunAndWaitForDownloadAsync(() => notebook.GetByTestId("download-notebook").ClickAsync());
        Assert.Equal($"portal-{id}.ipynb", download.SuggestedFilename);
        var saved = Path.Combine(_portal.DataDirectory, download.SuggestedFilename);
        await download.SaveAsAsync(saved);
        var file = await File.ReadAllTextAsync(saved, TestContext.Current.CancellationToken);
        Assert.Contains("\"nbformat\": 4", file, StringComparison.Ordinal);
        // The downloaded notebook runs as it is, so it holds the token; the page never showed it.
        var token = CostToken().Match(file).Groups["token"].Value;
        Assert.NotEmpty(token);
        Assert.DoesNotContain(token, await notebook.ContentAsync(), StringComparison.Ordinal);
        Assert.Empty(policyViolations);
    }

    [Fact]
    public async Task Stop_on_my_sessions_tears_the_session_down()
    {
        await using var context = await browser.Browser.NewContextAsync(new() { BaseURL = _portal.BaseAddress.ToString() });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/signin");
        await new SignInPage(page).SignInAsync("grace");
        await page.GotoAsync("/sessions");
        await Expect(page.GetByTestId("no-sessions")).ToBeVisibleAsync();

        await page.GotoAsync("/");
        var explore = new ExplorePage(page);
        await explore.SelectOnMapAsync("ERA5 reanalysis (us-east-1)");
        await explore.Launch.ClickAsync();
        await Expect(page).ToHaveURLAsync(SessionPage.Url());
        var id = new SessionPage(page).SessionId;

        await page.GetByRole(AriaRole.Link, new() { Name = "My sessions" }).ClickAsync();
        // The grid draws the rows itself; the row is the one holding the session's cell.
        var row = page.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByTestId($"session-row-{id}") });
        await Expect(row).ToBeVisibleAsync();
        // Ready first: while the session starts its button says Cancel, and becomes Stop (a new element) once it runs.
        await Expect(row.GetByTestId("row-status")).ToHaveTextAsync("Ready", new() { Timeout = (float)ProvisioningTimeout.TotalMilliseconds });
        await row.GetByRole(AriaRole.Button, new() { Name = $"Stop session {id}" }).ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Stop session", Exact = true }).ClickAsync();

        await Expect(row.GetByTestId("row-status")).ToHaveTextAsync("Stopped", new() { Timeout = (float)ProvisioningTimeout.TotalMilliseconds });
    }

    [GeneratedRegex(@"/signin\?returnUrl=%2F$", RegexOptions.IgnoreCase)]
    private static partial Regex SignInUrl();


    [GeneratedRegex(@"PORTAL_COST_TOKEN = \\""(?<token>[^\\""]+)\\""")]
    private static partial Regex CostToken();

    [GeneratedRegex(@"^\$\d[\d,]*\.\d{2}$")]
    private static partial Regex DollarAmount();
}
