using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Portal.Domain.Datasets;
using Portal.Domain.LaunchPlans;
using Portal.Domain.Regions;
using Portal.Domain.Sessions;
using Portal.Infra.Catalogue;
using Portal.Infra.Persistence;
using Portal.Infra.Tests.Persistence;
using Portal.Infra.Tests.Support;

namespace Portal.Infra.Tests.Catalogue;

/// <summary>
/// The stored catalogue on a real database; every test runs once per provider (<see cref="DatasetCatalogueOnSqliteTests"/>,
/// <see cref="DatasetCatalogueOnPostgreSqlTests"/>). The hosts are not started: tests run the catalogue's start themselves.
/// </summary>
public abstract class DatasetCatalogueTests : IAsyncLifetime
{
    private const string Header = "slug,name,deprecated,region,arn,requester_pays,tags,license,managed_by,update_frequency";

    private static readonly string SmallFacts = string.Join('\n',
        Header,
        "example-a,Example A,false,us-east-1,arn:aws:s3:::example-a,false,climate;netcdf,Free,Lab,Daily",
        "example-b,Example B,false,us-west-2,arn:aws:s3:::example-b/data,false,climate;zarr,Free,Lab,Daily",
        "example-b,Example B,false,eu-west-1,arn:aws:s3:::example-b-eu,false,climate;zarr,Free,Lab,Daily",
        "nsf-ncar-era5,NSF NCAR ERA5,false,us-west-2,arn:aws:s3:::nsf-ncar-era5,false,climate;netcdf,Terms,NCAR,Monthly");

    private readonly FailingCatalogueWrites _failing = new();
    private InfraTestHost? _host;

    protected abstract TestProvider Provider { get; }

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected InfraTestHost Host => _host ?? throw new InvalidOperationException("Not initialised.");

    protected IDatasetCatalogue Catalogue => Host.Services.GetRequiredService<IDatasetCatalogue>();

    private DatasetCatalog Live => Host.Services.GetRequiredService<DatasetCatalog>();

    public async ValueTask InitializeAsync() =>
        _host = await InfraTestHost.CreateAsync(Ct, provider: Provider, configureServices: s => s.AddSingleton<IInterceptor>(_failing));

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task The_first_start_imports_the_shipped_catalogue_and_the_next_start_loads_it_without_importing_again()
    {
        await StartCatalogueAsync();

        var first = Live.All;
        Assert.True(first.Count > 1100, $"{first.Count} datasets");
        var import = Assert.Single(await Catalogue.ListImportsAsync(10, Ct));
        Assert.Equal((CatalogueSource.RegistryFacts, ShippedCatalogue.FileName, DatasetCatalogue.FirstStart, 0), (import.Source, import.Name, import.Who, import.Problems));
        Assert.Equal(first.Count, import.Datasets);

        _host = await Host.RestartAsync(Ct);
        Assert.Equal(DatasetCatalog.Curated.Count, Live.All.Count);
        await StartCatalogueAsync();

        Assert.Single(await Catalogue.ListImportsAsync(10, Ct));
        Assert.Equal(first, Live.All, DatasetComparer.Instance);
    }

    [Fact]
    public async Task Without_import_at_start_a_new_database_keeps_the_curated_datasets_only()
    {
        _host = await Host.RestartAsync(Ct, settings: new Dictionary<string, string?> { ["Catalogue:ImportAtStart"] = "false" });

        await StartCatalogueAsync();

        Assert.Equal(DatasetCatalog.Curated, Live.All);
        Assert.Empty(await Catalogue.ListImportsAsync(10, Ct));
    }

    [Fact]
    public async Task A_facts_import_replaces_the_catalogue_keeps_the_curated_datasets_and_is_what_the_next_start_loads()
    {
        var result = await ImportFactsAsync(SmallFacts);

        Assert.Equal(CatalogueImportOutcome.Imported, result.Outcome);
        Assert.Empty(result.Problems);
        Assert.Equal((4, DatasetCatalog.Curated.Count + 3), (result.Imported, result.Total));
        Assert.Equal(
            [.. DatasetCatalog.Curated.Select(d => d.Id.Value), "example-a", "example-b", "example-b-eu-west-1"],
            Live.All.Select(d => d.Id.Value));
        Assert.Equal("s3://example-b/data", Live.Get(DatasetId.Parse("example-b")).Location.S3Uri);

        var after = Live.All;
        _host = await Host.RestartAsync(Ct);
        await StartCatalogueAsync();
        Assert.Equal(after, Live.All, DatasetComparer.Instance);
    }

    [Fact]
    public async Task A_yaml_import_adds_and_replaces_the_slugs_it_holds_and_keeps_the_others()
    {
        await ImportFactsAsync(SmallFacts);
        var folder = Directory.CreateTempSubdirectory("portal-catalogue-yaml-").FullName;
        try
        {
            await File.WriteAllTextAsync(Path.Combine(folder, "example-b.yaml"), Yaml("Example B, moved", "example-b-new", "ap-southeast-2"), Ct);
            await File.WriteAllTextAsync(Path.Combine(folder, "example-c.yaml"), Yaml("Example C", "example-c", "us-east-1"), Ct);

            var result = await Catalogue.ImportAsync(folder, CatalogueSource.RegistryYaml, "ada", Ct);

            Assert.Equal(CatalogueImportOutcome.Imported, result.Outcome);
            Assert.Equal(2, result.Imported);
            Assert.Equal(
                [.. DatasetCatalog.Curated.Select(d => d.Id.Value), "example-a", "example-b", "example-c"],
                Live.All.Select(d => d.Id.Value));
            Assert.Equal(("Example B, moved", "ap-southeast-2"), (Live.Get(DatasetId.Parse("example-b")).Name, Live.Get(DatasetId.Parse("example-b")).Location.Region.Value));
            var imports = await Catalogue.ListImportsAsync(10, Ct);
            Assert.Equal([(CatalogueSource.RegistryYaml, "ada"), (CatalogueSource.RegistryFacts, "test")], imports.Select(i => (i.Source, i.Who)));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_database_failure_halfway_through_an_import_leaves_the_stored_and_the_live_catalogue_as_they_were()
    {
        await ImportFactsAsync(SmallFacts);
        var (before, version) = (Live.All, Live.Version);
        _failing.Armed = true;

        var result = await ImportShippedAsync(CancellationToken.None);

        Assert.True(_failing.Inserts >= 2, "The import wrote its rows in one command: nothing was written before the failure.");
        Assert.Equal(CatalogueImportOutcome.Failed, result.Outcome);
        Assert.Contains("unchanged", result.Message, StringComparison.Ordinal);
        await AssertUnchangedAsync(before, version);
    }

    [Fact]
    public async Task An_import_cancelled_halfway_leaves_the_stored_and_the_live_catalogue_as_they_were()
    {
        await ImportFactsAsync(SmallFacts);
        using var cancel = new CancellationTokenSource();
        var failing = new FailingCatalogueWrites { Cancel = cancel };
        _host = await Host.RestartAsync(Ct, configureServices: s => s.AddSingleton<IInterceptor>(failing));
        await StartCatalogueAsync();
        var (before, version) = (Live.All, Live.Version);
        failing.Armed = true;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ImportShippedAsync(cancel.Token));

        Assert.True(failing.Inserts >= 2);
        await AssertUnchangedAsync(before, version);
    }

    [Fact]
    public async Task A_file_without_any_bucket_imports_nothing_and_changes_nothing()
    {
        await ImportFactsAsync(SmallFacts);
        var version = Live.Version;

        var result = await ImportFactsAsync(Header + "\nexample-x,Example X,false,us-east-1,not-an-arn,false,,,,\n");

        Assert.Equal(CatalogueImportOutcome.NothingImported, result.Outcome);
        Assert.Equal(2, Assert.Single(result.Problems).Line);
        Assert.Equal(version, Live.Version);
        Assert.Single(await Catalogue.ListImportsAsync(10, Ct));
    }

    [Fact]
    public async Task A_session_whose_dataset_has_left_the_catalogue_still_loads_lists_and_estimates()
    {
        await ImportFactsAsync(SmallFacts);
        var gone = DatasetId.Parse("example-a");
        var session = LaunchWith(Live, SampleRequests.FirstRun with { Datasets = [DatasetCatalog.Era5, gone] });
        await Host.Store.AddAsync(session, Ct);

        await ImportFactsAsync(Header + "\nexample-b,Example B,false,us-west-2,arn:aws:s3:::example-b,false,climate,Free,Lab,Daily\n");
        Assert.False(Live.TryGet(gone, out _));
        _host = await Host.RestartAsync(Ct);
        await StartCatalogueAsync();

        var admin = new Actor("admin", isAdmin: true);
        var found = await Host.Sessions.FindAsync(admin, session.Id, Ct);
        Assert.NotNull(found);
        Assert.Equal([DatasetCatalog.Era5, gone], found.Request.Datasets);
        Assert.Contains(await Host.Sessions.ListAsync(admin, everyone: true, Ct), s => s.Id == session.Id);
        var estimate = Host.Sessions.Estimate(await Host.Sessions.GetPriceBookAsync(Ct), found.Request);
        Assert.True(estimate.HourlyUsd > 0);
    }

    private static Session LaunchWith(DatasetCatalog catalog, SessionRequest request)
    {
        var id = SessionId.New();
        var plan = new LaunchPlanner(RegionCatalog.Default, catalog, LaunchSettings.Default).Plan(id, request);
        return Session.Create(id, new Actor("ada", isAdmin: false), request, SessionLaunching.For(plan, request, 4.25m, "ada"), InfraTestHost.Start);
    }

    private async Task AssertUnchangedAsync(IReadOnlyList<Dataset> before, int version)
    {
        Assert.Equal(version, Live.Version);
        Assert.Same(before, Live.All);
        var store = Host.Services.GetRequiredService<EfCatalogueStore>();
        Assert.Equal(before.Select(d => d.Id), (await store.LoadAsync(Ct)).Select(d => d.Id));
        Assert.Single(await Catalogue.ListImportsAsync(10, Ct));
        await using var db = await Host.CreateDbContextAsync(Ct);
        Assert.Equal(before.Count, await db.CatalogueDatasets.CountAsync(Ct));
    }

    /// <summary>What the catalogue does when the portal starts (the test hosts are never started).</summary>
    protected static Task StartCatalogueAsync(InfraTestHost host) =>
        host.Services.GetServices<IHostedService>().OfType<CatalogueStartup>().Single().StartAsync(Ct);

    private Task StartCatalogueAsync() => StartCatalogueAsync(Host);

    private Task<CatalogueImportResult> ImportShippedAsync(CancellationToken cancellationToken) =>
        Host.Services.GetRequiredService<DatasetCatalogue>().ImportShippedAsync(cancellationToken);

    private async Task<CatalogueImportResult> ImportFactsAsync(string csv)
    {
        using var content = new MemoryStream(Encoding.UTF8.GetBytes(csv));
        var result = await Catalogue.ImportAsync(content, "facts.csv", CatalogueSource.RegistryFacts, "test", Ct);
        Assert.True(content.CanRead, "The caller's stream is the caller's to close.");
        return result;
    }

    private static string Yaml(string name, string bucket, string region) => $"""
        Name: {name}
        Tags: [climate]
        License: Free
        Resources:
          - Description: Data
            ARN: arn:aws:s3:::{bucket}
            Region: {region}
            Type: S3 Bucket
        """;
}

public sealed class DatasetCatalogueOnSqliteTests : DatasetCatalogueTests
{
    protected override TestProvider Provider => TestProvider.Sqlite;
}

public sealed class DatasetCatalogueOnPostgreSqlTests : DatasetCatalogueTests
{
    protected override TestProvider Provider => TestProvider.PostgreSql;

    [Fact]
    public async Task Instances_starting_together_on_a_new_database_import_the_shipped_catalogue_once_and_all_serve_it()
    {
        await using var second = await Host.StartAnotherInstanceAsync(Ct);
        await using var third = await Host.StartAnotherInstanceAsync(Ct);
        InfraTestHost[] instances = [Host, second, third];

        await Task.WhenAll(instances.Select(i => Task.Run(() => StartCatalogueAsync(i), Ct)));

        Assert.Single(await Catalogue.ListImportsAsync(10, Ct));
        var served = instances.Select(i => i.Services.GetRequiredService<DatasetCatalog>().All).ToList();
        Assert.True(served[0].Count > 1100);
        Assert.All(served, all => Assert.Equal(served[0], all, DatasetComparer.Instance));
    }
}
