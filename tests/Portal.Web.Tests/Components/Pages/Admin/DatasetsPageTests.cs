using System.Security.Claims;
using Bunit;
using Bunit.TestDoubles;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using Portal.Domain.Audit;
using Microsoft.Extensions.Time.Testing;
using Microsoft.AspNetCore.Components.Forms;
using Portal.Domain.Datasets;
using Portal.Web.Auth;
using Portal.Web.Components.Pages.Admin;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Components.Pages.Admin;

public sealed class DatasetsPageTests : BunitContext
{
    private readonly BunitAuthorizationContext _auth;
    private readonly string _folder = Directory.CreateTempSubdirectory("portal-datasets-page-").FullName;

    public DatasetsPageTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddPortalPageServices(new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero)));
        Services.AddSqliteDatasetAdministration(Path.Combine(_folder, "portal.db"));
        _auth = AddAuthorization();
        SignIn("grace", PortalRoles.Admin);
        SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));
        Services.MigrateDatasetDatabase();
    }

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    private void SignIn(string name, params string[] roles)
    {
        _auth.SetAuthorized(name);
        _auth.SetRoles(roles);
        _auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, "local:" + name));
    }

    private async Task<IReadOnlyList<AuditEntry>> EntriesAsync() =>
        (await Services.GetRequiredService<IAuditLog>().ListAsync(new AuditFilter(), 0, 100, Ct)).Entries;

    protected override async ValueTask DisposeAsyncCore()
    {
        await base.DisposeAsyncCore();
        Directory.Delete(_folder, recursive: true);
    }

    private DatasetCatalog Catalog => Services.GetRequiredService<DatasetCatalog>();

    /// <summary>The shipped curated datasets, then enough made-up ones to need three pages.</summary>
    private void UseManyDatasets(int count)
    {
        var era5 = Catalog.Get(DatasetCatalog.Era5);
        Catalog.Replace([.. DatasetCatalog.Curated, .. Enumerable.Range(1, count).Select(i => era5 with
        {
            Id = DatasetId.Parse($"made-up-{i:000}"),
            Name = $"Made-up dataset {i}",
            Tags = i % 10 == 0 ? ["ocean"] : ["climate"],
        })]);
    }

    [Fact]
    public void Lists_the_first_page_of_every_dataset_and_pages_through_the_rest()
    {
        UseManyDatasets(120);
        var total = Catalog.All.Count;

        var cut = Render<DatasetsPage>();

        Assert.Equal("Datasets", cut.Find("h1").TextContent);
        Assert.Equal(DatasetsPage.PageSize, cut.FindAll("[data-testid^=dataset-row-]").Count);
        Assert.Equal($"Datasets 1 to 50 of {total}.", cut.Find("[data-testid=datasets-count]").TextContent);
        Assert.NotNull(cut.Find("[data-testid=datasets-pages]"));
    }

    [Fact]
    public void Search_narrows_the_list_by_tag_name_or_id_and_says_when_nothing_matches()
    {
        UseManyDatasets(120);
        var cut = Render<DatasetsPage>();

        cut.Find("#datasets-search").Input("ocean");

        Assert.Equal(Catalog.All.Count(d => d.Tags.Contains("ocean") || d.Name.Contains("ocean", StringComparison.OrdinalIgnoreCase)),
            cut.FindAll("[data-testid^=dataset-row-]").Count);
        Assert.NotNull(cut.Find("[data-testid=dataset-row-made-up-010]"));
        Assert.Empty(cut.FindAll("[data-testid=dataset-row-made-up-011]"));

        cut.Find("#datasets-search").Input("no such dataset anywhere");

        Assert.Equal("No dataset matches.", cut.Find("[data-testid=datasets-count]").TextContent);
        Assert.Empty(cut.FindAll("[data-testid^=dataset-row-]"));
    }

    [Fact]
    public async Task An_admin_disables_a_dataset_which_leaves_the_users_catalogue_and_enables_it_again()
    {
        var cut = Render<DatasetsPage>();

        cut.Find("button[aria-label='Disable dataset cmip6']").Click();

        cut.WaitForAssertion(() => Assert.Equal("Disabled", cut.Find("[data-testid=dataset-row-cmip6] [data-testid=dataset-state]").TextContent));
        Assert.Contains("is disabled", cut.Find("[data-testid=datasets-message]").TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(Catalog.All, d => d.Id == DatasetCatalog.Cmip6);

        cut.Find("button[aria-label='Enable dataset cmip6']").Click();

        cut.WaitForAssertion(() => Assert.Equal("Enabled", cut.Find("[data-testid=dataset-row-cmip6] [data-testid=dataset-state]").TextContent));
        Assert.Contains(Catalog.All, d => d.Id == DatasetCatalog.Cmip6);
        Assert.Equal([AuditActions.DatasetEnable, AuditActions.DatasetDisable], (await EntriesAsync()).Select(e => e.Action));
    }

    [Fact]
    public async Task An_admin_edits_the_display_fields_and_a_wrong_title_is_marked_first()
    {
        var cut = Render<DatasetsPage>();
        cut.Find("button[aria-label='Edit dataset era5']").Click();

        cut.Find("#dataset-title").Change(" ");
        cut.Find("[data-testid=dataset-save]").Click();

        cut.WaitForAssertion(() => Assert.Contains("The title must be 1 to 120 characters long.", cut.Find("[data-testid=dataset-form]").TextContent, StringComparison.Ordinal));
        Assert.Empty(await EntriesAsync());

        cut.Find("#dataset-title").Change("ERA5, first home");
        cut.Find("#dataset-tags").Change("Climate, reanalysis");
        cut.Find("[data-testid=dataset-save]").Click();

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=dataset-form]")));
        Assert.Equal("ERA5, first home (deprecated)", cut.Find("[data-testid=dataset-row-era5] [data-testid=dataset-name-cell]").TextContent);
        Assert.Equal("climate, reanalysis", cut.Find("[data-testid=dataset-row-era5] [data-testid=dataset-tags-cell]").TextContent);
        Assert.Equal("ERA5, first home", Catalog.Get(DatasetCatalog.Era5).Name);
        var entry = Assert.Single(await EntriesAsync());
        Assert.Equal((AuditActions.DatasetUpdate, "era5"), (entry.Action, entry.ObjectId));
    }

    [Fact]
    public async Task An_import_shows_what_it_would_add_and_applies_only_when_asked()
    {
        var cut = Render<DatasetsPage>();

        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(SampleRegistryFiles.ExampleReanalysisYaml, SampleRegistryFiles.ExampleReanalysisFileName));

        cut.WaitForAssertion(() => Assert.Contains("example-reanalysis", cut.Find("[data-testid=datasets-preview-added]").TextContent, StringComparison.Ordinal));
        Assert.Contains("1 to add, 0 to change, 0 to remove", cut.Find("[data-testid=datasets-preview-summary]").TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(Catalog.All, d => d.Id.Value == "example-reanalysis");
        Assert.Empty(await EntriesAsync());

        cut.Find("[data-testid=datasets-import-apply]").Click();

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=dataset-row-example-reanalysis]")));
        Assert.Empty(cut.FindAll("[data-testid=datasets-preview]"));
        Assert.Contains(Catalog.All, d => d.Id.Value == "example-reanalysis");
        var entry = Assert.Single(await EntriesAsync());
        Assert.Equal(AuditActions.DatasetImport, entry.Action);
        Assert.StartsWith("example-reanalysis.yaml (RegistryYaml): 1 added", entry.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_file_is_refused_with_the_importers_problems_and_cannot_be_applied()
    {
        var cut = Render<DatasetsPage>();

        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText("Name: [unclosed\n", "broken.yaml"));

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=datasets-preview-problems] li")));
        Assert.Contains("broken.yaml", cut.Find("[data-testid=datasets-preview-problems]").TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid=datasets-import-apply]"));

        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText("x", "notes.txt"));

        cut.WaitForAssertion(() => Assert.Equal("notes.txt is neither a registry YAML file (.yaml, .yml) nor a facts CSV file (.csv).",
            cut.Find("[data-testid=datasets-message]").TextContent.Trim()));
    }

    [Fact]
    public async Task A_user_who_lost_the_admin_role_is_refused_in_the_handler_and_nothing_changes()
    {
        var cut = Render<DatasetsPage>();

        SignIn("grace", PortalRoles.User);
        cut.Find("button[aria-label='Disable dataset cmip6']").Click();

        cut.WaitForAssertion(() => Assert.Equal("Only a Portal.Admin can manage datasets.", cut.Find("[data-testid=datasets-message]").TextContent.Trim()));
        Assert.Contains(Catalog.All, d => d.Id == DatasetCatalog.Cmip6);
        Assert.Equal("Enabled", cut.Find("[data-testid=dataset-row-cmip6] [data-testid=dataset-state]").TextContent);
        Assert.Empty(await EntriesAsync());
    }
}
