using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Portal.Domain.Audit;
using Portal.Domain.Datasets;
using Portal.Domain.Sessions;
using Portal.Infra.Catalogue;
using Portal.Infra.Tests.Support;

namespace Portal.Infra.Tests.Catalogue;

/// <summary>
/// The Datasets page's use cases over the real store (SQLite), catalogue, session launch and audit log. The host starts
/// with the curated datasets only (its hosted services are not run unless a test restarts the catalogue).
/// </summary>
public sealed class DatasetAdministrationTests : IAsyncLifetime
{
    private static readonly Actor Grace = new("local:grace", "grace", isAdmin: true);
    private static readonly Actor Ada = new("local:ada", "ada", isAdmin: false);

    private InfraTestHost? _host;

    private InfraTestHost Host => _host ?? throw new InvalidOperationException("Not initialised.");

    private IDatasetAdministration Admin => Host.Services.GetRequiredService<IDatasetAdministration>();

    private DatasetCatalog Catalog => Host.Services.GetRequiredService<DatasetCatalog>();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() =>
        _host = await InfraTestHost.CreateAsync(Ct, settings: new Dictionary<string, string?> { ["Catalogue:ImportAtStart"] = "false" });

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    private async Task<IReadOnlyList<AuditEntry>> EntriesAsync() =>
        (await Host.Services.GetRequiredService<IAuditLog>().ListAsync(new AuditFilter(), 0, 100, Ct)).Entries;

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    private Task StartCatalogueAsync() =>
        Host.Services.GetServices<IHostedService>().OfType<CatalogueStartup>().Single().StartAsync(Ct);

    [Fact]
    public async Task A_disabled_dataset_leaves_the_search_and_a_launch_naming_it_is_refused_until_it_is_enabled_again()
    {
        var disabled = await Admin.SetEnabledAsync(Grace, DatasetCatalog.Cmip6, enabled: false, Ct);

        Assert.True(disabled.Succeeded, disabled.Message);
        Assert.DoesNotContain(Catalog.All, d => d.Id == DatasetCatalog.Cmip6);
        Assert.DoesNotContain(new DatasetSearch(Catalog.All).Find(DatasetFilter.None), d => d.Id == DatasetCatalog.Cmip6);
        Assert.Contains(Catalog.Everything, d => d.Id == DatasetCatalog.Cmip6);
        var message = "The dataset 'cmip6' has been disabled by an admin; choose another.";
        var launch = await Host.Sessions.LaunchAsync(Grace, SampleRequests.FirstRun, Ct);
        Assert.Null(launch.SessionId);
        Assert.Contains(launch.Errors, e => e.Message == message);
        var estimate = Host.Services.GetRequiredService<SessionRequestValidator>().Validate(SampleRequests.FirstRun);
        Assert.Contains(estimate, e => e.Field == SessionRequestField.Datasets && e.Message == message);

        var enabled = await Admin.SetEnabledAsync(Grace, DatasetCatalog.Cmip6, enabled: true, Ct);

        Assert.True(enabled.Succeeded, enabled.Message);
        Assert.Contains(Catalog.All, d => d.Id == DatasetCatalog.Cmip6);
        Assert.Empty(Host.Services.GetRequiredService<SessionRequestValidator>().Validate(SampleRequests.FirstRun));
        var entries = await EntriesAsync();
        Assert.Equal([AuditActions.DatasetEnable, AuditActions.DatasetDisable], entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.Equal(("local:grace", "dataset", "cmip6"), (e.ActorId, e.ObjectType, e.ObjectId)));
    }

    [Fact]
    public async Task Disabling_and_edits_survive_a_restart_and_an_import()
    {
        await Admin.SetEnabledAsync(Grace, DatasetCatalog.Cmip6, enabled: false, Ct);
        var saved = await Admin.UpdateDisplayAsync(Grace, DatasetCatalog.Era5, new DatasetDisplayDraft("ERA5 (first home)", "Hourly reanalysis.", "Climate, reanalysis, climate"), Ct);
        Assert.True(saved.Succeeded, saved.Message);

        _host = await Host.RestartAsync(Ct);
        Assert.Contains(Catalog.All, d => d.Id == DatasetCatalog.Cmip6);   // not started yet: nothing loaded
        await StartCatalogueAsync();

        Assert.True(Catalog.IsDisabled(DatasetCatalog.Cmip6));
        var era5 = Catalog.Get(DatasetCatalog.Era5);
        Assert.Equal(("ERA5 (first home)", "Hourly reanalysis."), (era5.Name, era5.Description));
        Assert.Equal(["climate", "reanalysis"], era5.Tags);

        var import = await Admin.ApplyImportAsync(Grace, Bytes(SampleRegistryFiles.ExampleReanalysisYaml), SampleRegistryFiles.ExampleReanalysisFileName, CatalogueSource.RegistryYaml, Ct);

        Assert.True(import.Succeeded, import.Message);
        Assert.True(Catalog.IsDisabled(DatasetCatalog.Cmip6));
        Assert.Equal("ERA5 (first home)", Catalog.Get(DatasetCatalog.Era5).Name);
    }

    [Fact]
    public async Task An_edit_is_validated_and_audited_with_before_and_after()
    {
        var before = Catalog.Get(DatasetCatalog.Era5);
        var refused = await Admin.UpdateDisplayAsync(Grace, DatasetCatalog.Era5,
            new DatasetDisplayDraft(" ", new string('x', 2001), string.Join(",", Enumerable.Range(1, 21).Select(i => $"t{i}"))), Ct);

        Assert.False(refused.Succeeded);
        Assert.Equal(
            [DatasetDisplayDraft.DescriptionField, DatasetDisplayDraft.TagsField, DatasetDisplayDraft.TitleField],
            refused.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("The title must be 1 to 120 characters long.", refused.Errors[DatasetDisplayDraft.TitleField]);
        Assert.Equal(before, Catalog.Get(DatasetCatalog.Era5));
        var longTag = await Admin.UpdateDisplayAsync(Grace, DatasetCatalog.Era5, new DatasetDisplayDraft("ERA5", null, new string('t', 41)), Ct);
        Assert.Contains("at most 40 characters", longTag.Errors[DatasetDisplayDraft.TagsField], StringComparison.Ordinal);

        var saved = await Admin.UpdateDisplayAsync(Grace, DatasetCatalog.Era5, new DatasetDisplayDraft("ERA5 renamed", before.Description, string.Join(", ", before.Tags)), Ct);

        Assert.Equal((true, "'ERA5 renamed' saved."), (saved.Succeeded, saved.Message));
        Assert.Equal("ERA5 renamed", Catalog.Get(DatasetCatalog.Era5).Name);
        var entry = Assert.Single(await EntriesAsync());
        Assert.Equal((AuditActions.DatasetUpdate, "era5"), (entry.Action, entry.ObjectId));
        Assert.Equal($"Name: '{before.Name}' -> 'ERA5 renamed'", entry.Detail);
    }

    [Fact]
    public async Task A_plain_user_is_refused_every_call_and_nothing_changes_or_is_audited()
    {
        var all = Catalog.All;

        var disable = await Admin.SetEnabledAsync(Ada, DatasetCatalog.Cmip6, enabled: false, Ct);
        var edit = await Admin.UpdateDisplayAsync(Ada, DatasetCatalog.Era5, new DatasetDisplayDraft("Mine", null, null), Ct);
        var apply = await Admin.ApplyImportAsync(Ada, Bytes(SampleRegistryFiles.ExampleReanalysisYaml), SampleRegistryFiles.ExampleReanalysisFileName, CatalogueSource.RegistryYaml, Ct);
        var preview = await Admin.PreviewImportAsync(Ada, Bytes(SampleRegistryFiles.ExampleReanalysisYaml), SampleRegistryFiles.ExampleReanalysisFileName, CatalogueSource.RegistryYaml, Ct);

        Assert.All([disable, edit, apply], r => Assert.Equal((false, "Only a Portal.Admin can manage datasets."), (r.Succeeded, r.Message)));
        Assert.Equal((false, "Only a Portal.Admin can manage datasets."), (preview.CanApply, preview.Message));
        Assert.Equal(all, Catalog.All);
        Assert.Empty(await Host.Services.GetRequiredService<IDatasetCatalogue>().ListImportsAsync(10, Ct));
        Assert.Empty(await EntriesAsync());
    }

    [Fact]
    public async Task The_preview_names_what_is_added_and_changed_field_by_field_and_writes_nothing_until_applied()
    {
        var added = await Admin.PreviewImportAsync(Grace, Bytes(SampleRegistryFiles.ExampleReanalysisYaml), SampleRegistryFiles.ExampleReanalysisFileName, CatalogueSource.RegistryYaml, Ct);

        Assert.True(added.CanApply, added.Message);
        Assert.Equal(["example-reanalysis"], added.Added.Select(d => d.Id.Value));
        Assert.Empty(added.Changed);
        Assert.Empty(added.Removed);
        Assert.Equal(DatasetCatalog.Curated.Count, added.Unchanged);
        Assert.DoesNotContain(Catalog.All, d => d.Id.Value == "example-reanalysis");

        var applied = await Admin.ApplyImportAsync(Grace, Bytes(SampleRegistryFiles.ExampleReanalysisYaml), SampleRegistryFiles.ExampleReanalysisFileName, CatalogueSource.RegistryYaml, Ct);
        Assert.True(applied.Succeeded, applied.Message);
        Assert.Contains(Catalog.All, d => d.Id.Value == "example-reanalysis");

        var renamed = SampleRegistryFiles.ExampleReanalysisYaml.Replace("Name: Example Reanalysis", "Name: Example Reanalysis v2", StringComparison.Ordinal);
        var changed = await Admin.PreviewImportAsync(Grace, Bytes(renamed), SampleRegistryFiles.ExampleReanalysisFileName, CatalogueSource.RegistryYaml, Ct);

        Assert.Empty(changed.Added);
        var change = Assert.Single(changed.Changed);
        Assert.Equal([new FieldChange("Name", "Example Reanalysis", "Example Reanalysis v2")], change.Fields);
        Assert.Equal(DatasetCatalog.Curated.Count, changed.Unchanged);
        var entry = Assert.Single(await EntriesAsync());
        Assert.Equal((AuditActions.DatasetImport, SampleRegistryFiles.ExampleReanalysisFileName), (entry.Action, entry.ObjectId));
        Assert.StartsWith("example-reanalysis.yaml (RegistryYaml): 1 added, 0 changed, 0 removed, 5 unchanged, 0 problem(s)", entry.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_file_is_refused_with_the_importers_problems_and_a_large_one_before_reading()
    {
        var bad = await Admin.PreviewImportAsync(Grace, Bytes("Name: [unclosed\n"), "broken.yaml", CatalogueSource.RegistryYaml, Ct);

        Assert.False(bad.CanApply);
        Assert.NotEmpty(bad.Problems);
        Assert.All(bad.Problems, p => Assert.Equal("broken.yaml", p.File));

        var large = await Admin.PreviewImportAsync(Grace, new byte[IDatasetAdministration.MaxImportBytes + 1], "big.csv", CatalogueSource.RegistryFacts, Ct);
        Assert.Equal((false, "big.csv is 1,048,577 bytes; the largest file an import takes is 1 MB (1,048,576 bytes)."), (large.CanApply, large.Message));

        var wrongKind = await Admin.ApplyImportAsync(Grace, Bytes(SampleRegistryFiles.ExampleReanalysisYaml), "example.csv", CatalogueSource.RegistryYaml, Ct);
        Assert.Equal((false, "example.csv is not a registry YAML file (.yaml or .yml)."), (wrongKind.Succeeded, wrongKind.Message));
        Assert.Empty(await EntriesAsync());
    }
}
