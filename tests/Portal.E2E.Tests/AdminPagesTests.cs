using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Portal.E2E.Tests.Infrastructure;
using Portal.E2E.Tests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2E.Tests;

/// <summary>
/// The Quotas, Budgets, Datasets and Audit log pages in a real browser against the sandbox cloud: what an admin sets
/// there reaches another user's explore page, and the audit log says who did it.
/// </summary>
[Collection(BrowserTests.Name)]
public sealed class AdminPagesTests(BrowserFixture browser) : IAsyncLifetime
{
    private const string Era5Marker = "ERA5 reanalysis (us-east-1)";
    private readonly List<IBrowserContext> _contexts = [];
    private PortalHost _portal = null!;

    public ValueTask InitializeAsync()
    {
        _portal = new PortalHost(PortalHost.NewDataDirectory()).Start();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var context in _contexts)
        {
            await context.DisposeAsync();
        }

        await _portal.DisposeAsync();
        Directory.Delete(_portal.DataDirectory, recursive: true);
    }

    [Fact]
    public async Task A_limit_set_for_ada_on_the_quotas_page_refuses_her_launch_beside_Launch()
    {
        var admin = await SignInAsync("grace", "Admin");
        await admin.GotoAsync("/admin/quotas");
        await Expect(admin.GetByTestId("limit-save")).ToBeEnabledAsync();
        await admin.GetByTestId("limit-scope").FillAsync("user:local:ada");
        await admin.GetByTestId("limit-workers-session").FillAsync("1");
        await admin.GetByTestId("limit-save").ClickAsync();
        var row = admin.GetByTestId("limits-row-user:local:ada");
        await Expect(row).ToContainTextAsync("user:local:ada");
        await Expect(admin.GetByTestId("service-quotas-table")).ToContainTextAsync("L-1216C47A");

        var ada = await SignInAsync("ada");
        var explore = new ExplorePage(ada);
        await explore.SelectOnMapAsync(Era5Marker);
        await ada.GetByLabel("Workers per region").FillAsync("2");
        await explore.Launch.ClickAsync();

        await Expect(ada.GetByTestId("launch-problem")).ToContainTextAsync("at most 1 worker (your own limit)");
        await Expect(ada).ToHaveURLAsync(new Regex("/$|/explore"));

        await admin.GetByRole(AriaRole.Button, new() { Name = "Delete the limits for user:local:ada" }).ClickAsync();
        await Expect(row).ToHaveCountAsync(0);
        await AssertAuditedAsync(admin, "quota.limit-save", "quota.limit-delete", "session.launch-refused");
    }

    [Fact]
    public async Task A_budget_made_on_the_budgets_page_refuses_adas_launch_and_can_be_edited_and_deleted()
    {
        var admin = await SignInAsync("grace", "Admin");
        await admin.GotoAsync("/admin/budgets");
        await Expect(admin.GetByTestId("budget-new")).ToBeEnabledAsync();
        await admin.GetByTestId("budget-new").ClickAsync();
        await admin.Locator("#budget-id").FillAsync("ada-tiny");
        await admin.Locator("#budget-scope").FillAsync("user:local:ada");
        await admin.Locator("#budget-limit").FillAsync("abc");
        await admin.GetByTestId("budget-save").ClickAsync();
        await Expect(admin.GetByTestId("budget-form")).ToContainTextAsync("amount");
        await admin.Locator("#budget-limit").FillAsync("0.01");
        await admin.GetByTestId("budget-save").ClickAsync();
        var row = admin.GetByTestId("budget-row-ada-tiny");
        await Expect(row.GetByTestId("budget-limit-cell")).ToContainTextAsync("$0.01");

        var ada = await SignInAsync("ada");
        var explore = new ExplorePage(ada);
        await explore.SelectOnMapAsync(Era5Marker);
        await explore.Launch.ClickAsync();
        await Expect(ada.GetByTestId("launch-problem")).ToContainTextAsync("ada-tiny");

        await row.GetByTestId("budget-edit").ClickAsync();
        await admin.Locator("#budget-limit").FillAsync("500");
        await admin.GetByTestId("budget-save").ClickAsync();
        await Expect(row.GetByTestId("budget-limit-cell")).ToContainTextAsync("$500.00");

        await row.GetByTestId("budget-delete").ClickAsync();
        await row.GetByTestId("budget-delete-confirm").ClickAsync();
        await Expect(row).ToHaveCountAsync(0);
        await AssertAuditedAsync(admin, "budget.create", "budget.update", "budget.delete");

        // The filtered view, exported: the file holds exactly the rows the page shows.
        await Expect(admin.GetByTestId("audit-filter-apply")).ToBeEnabledAsync();
        await admin.GetByLabel("Object or detail").FillAsync("ada-tiny");
        await admin.GetByTestId("audit-filter-apply").ClickAsync();
        await Expect(admin).ToHaveURLAsync(new Regex("text=ada-tiny"));
        var rows = admin.GetByTestId("audit-row");
        await Expect(rows.Filter(new() { HasText = "budget.create" })).ToHaveCountAsync(1);
        var shown = await rows.CountAsync();
        var download = await admin.RunAndWaitForDownloadAsync(() => admin.GetByTestId("audit-export").ClickAsync());
        var csv = await File.ReadAllLinesAsync(await download.PathAsync(), TestContext.Current.CancellationToken);
        Assert.Equal(shown, csv.Length - 1);
        Assert.All(csv.Skip(1), line => Assert.Contains("ada-tiny", line, StringComparison.Ordinal));
        Assert.Contains(csv, line => line.Contains("budget.delete", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_dataset_disabled_on_the_datasets_page_leaves_adas_map_and_an_import_is_previewed_before_it_applies()
    {
        var admin = await SignInAsync("grace", "Admin");
        await admin.GotoAsync("/admin/datasets");
        await Expect(admin.GetByTestId("datasets-file")).ToBeEnabledAsync();
        await admin.Locator("#datasets-search").FillAsync("era5");
        var era5 = admin.GetByTestId("dataset-row-era5");
        await era5.GetByRole(AriaRole.Button, new() { Name = "Disable dataset era5" }).ClickAsync();
        await Expect(era5.GetByTestId("dataset-state")).ToHaveTextAsync("Disabled");

        var ada = await SignInAsync("ada");
        await Expect(new ExplorePage(ada).MapMarker("CMIP6 projections (us-west-2)")).ToBeEnabledAsync();
        await Expect(new ExplorePage(ada).MapMarker(Era5Marker)).ToHaveCountAsync(0);

        await era5.GetByRole(AriaRole.Button, new() { Name = "Enable dataset era5" }).ClickAsync();
        await Expect(era5.GetByTestId("dataset-state")).ToHaveTextAsync("Enabled");

        await admin.GetByTestId("datasets-file").SetInputFilesAsync(new FilePayload
        {
            Name = SampleRegistryFiles.ExampleReanalysisFileName,
            MimeType = "application/yaml",
            Buffer = System.Text.Encoding.UTF8.GetBytes(SampleRegistryFiles.ExampleReanalysisYaml),
        });
        await Expect(admin.GetByTestId("datasets-preview-summary")).ToContainTextAsync("1 to add, 0 to change, 0 to remove");
        await Expect(admin.GetByTestId("datasets-preview-added")).ToContainTextAsync("example-reanalysis");
        await admin.GetByTestId("datasets-import-apply").ClickAsync();
        await admin.Locator("#datasets-search").FillAsync("example");
        await Expect(admin.GetByTestId("dataset-row-example-reanalysis")).ToBeVisibleAsync();
        await AssertAuditedAsync(admin, "dataset.disable", "dataset.enable", "dataset.import");
    }

    /// <summary>A new browser context (its own cookies) signed in; the explore page is live when this returns.</summary>
    private async Task<IPage> SignInAsync(string user, string role = "User")
    {
        var context = await browser.Browser.NewContextAsync(new() { BaseURL = _portal.BaseAddress.ToString() });
        _contexts.Add(context);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/signin");
        await new SignInPage(page).SignInAsync(user, role);
        await Expect(new ExplorePage(page).Launch).ToBeVisibleAsync();
        return page;
    }

    /// <summary>The audit log page lists each action, newest first, with grace or ada as the actor.</summary>
    private static async Task AssertAuditedAsync(IPage admin, params string[] actions)
    {
        await admin.GotoAsync("/admin/audit");
        var table = admin.GetByTestId("audit-table");
        foreach (var action in actions)
        {
            await Expect(table.GetByTestId("audit-row").Filter(new() { HasText = action }).First).ToBeVisibleAsync();
        }
    }
}
