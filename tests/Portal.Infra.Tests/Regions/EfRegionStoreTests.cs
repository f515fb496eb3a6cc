using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Portal.Domain.Audit;
using Portal.Domain.Regions;
using Portal.Domain.Sessions;
using Portal.Infra.Regions;
using Portal.Infra.Tests.Persistence;
using Portal.Infra.Tests.Support;

namespace Portal.Infra.Tests.Regions;

/// <summary>
/// The Regions table on each provider (a database of its own per test): rows round-trip, the seed at start writes only
/// codes not stored, and what admins change (through <see cref="IRegionAdministration"/>) survives a restart.
/// </summary>
public abstract class EfRegionStoreTests : IAsyncLifetime
{
    private static readonly Actor Grace = new("local:grace", "grace", isAdmin: true);
    private static readonly RegionCode UsEast1 = RegionCode.Parse("us-east-1");
    private static readonly Region Mumbai = new(RegionCode.Parse("ap-south-1"), "Asia Pacific (Mumbai)", new GeoPoint(19.08, 72.88), RegionRole.Worker, Cidr.Parse("10.3.0.0/16"));

    private InfraTestHost? _host;

    protected abstract TestProvider Provider { get; }

    private InfraTestHost Host => _host ?? throw new InvalidOperationException("Not initialised.");

    private IRegionStore Store => Host.Services.GetRequiredService<IRegionStore>();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _host = await InfraTestHost.CreateAsync(Ct, provider: Provider);

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>What the portal's start does (the test host is built, never started).</summary>
    private static async Task StartRegionsAsync(InfraTestHost host)
    {
        foreach (var service in host.Services.GetServices<IHostedService>().OfType<RegionStartup>())
        {
            await service.StartAsync(Ct);
        }
    }

    private async Task<IReadOnlyList<AuditEntry>> EntriesAsync() =>
        (await Host.Services.GetRequiredService<IAuditLog>().ListAsync(new AuditFilter(), 0, 100, Ct)).Entries;

    [Fact]
    public async Task A_region_round_trips_with_every_field_and_a_second_add_of_its_code_changes_nothing()
    {
        foreach (var region in RegionCatalog.Default.All)
        {
            Assert.True(await Store.AddAsync(region, RegionStartup.Seeder, Ct));
        }

        Host.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.True(await Store.AddAsync(Mumbai with { Enabled = false }, "local:grace", Ct));
        Assert.False(await Store.AddAsync(Mumbai with { Cidr = Cidr.Parse("10.9.0.0/16") }, "local:grace", Ct));

        var stored = await Store.ListAsync(Ct);
        Assert.Equal([.. RegionCatalog.Default.All, Mumbai with { Enabled = false }], stored);
        await using var db = await Host.CreateDbContextAsync(Ct);
        var row = db.Regions.Single(r => r.Code == "ap-south-1");
        Assert.Equal((InfraTestHost.Start.AddMinutes(1), "local:grace"), (row.AddedAt, row.AddedBy));
    }

    [Fact]
    public async Task Enabling_and_disabling_changes_only_that_region_and_an_unknown_code_says_so()
    {
        foreach (var region in RegionCatalog.Default.All)
        {
            await Store.AddAsync(region, RegionStartup.Seeder, Ct);
        }

        Assert.True(await Store.SetEnabledAsync(UsEast1, enabled: false, Ct));
        Assert.Equal([true, false, true], (await Store.ListAsync(Ct)).Select(r => r.Enabled));
        Assert.True(await Store.SetEnabledAsync(UsEast1, enabled: true, Ct));
        Assert.Equal([true, true, true], (await Store.ListAsync(Ct)).Select(r => r.Enabled));
        Assert.False(await Store.SetEnabledAsync(Mumbai.Code, enabled: false, Ct));
    }

    [Fact]
    public async Task The_start_seeds_the_default_regions_and_what_admins_changed_survives_a_restart()
    {
        await StartRegionsAsync(Host);
        Assert.Equal(RegionCatalog.Default.All, await Store.ListAsync(Ct));
        var admin = Host.Services.GetRequiredService<IRegionAdministration>();

        var added = await admin.AddWorkerAsync(Grace, new WorkerRegionDraft { Region = "ap-south-1", Cidr = "10.3.0.0/16" }, Ct);
        var disabled = await admin.SetEnabledAsync(Grace, UsEast1, enabled: false, Ct);

        Assert.True(added.Succeeded, added.Message);
        Assert.True(disabled.Succeeded, disabled.Message);
        Assert.StartsWith("ap-south-1 added as a worker region with 10.3.0.0/16. On AWS, add ap-south-1=10.3.0.0/16 to the CDK context portal:workerRegions", added.Message, StringComparison.Ordinal);
        Assert.Equal("us-east-1 is disabled: new sessions cannot run workers there. Sessions already running there continue until they stop.", disabled.Message);
        // The directory reads are per call: the change is there at once, without a restart.
        var now = Host.Services.GetRequiredService<IRegionDirectory>().Current;
        Assert.True(now.IsDisabled(UsEast1));
        Assert.True(now.RunsWorkersIn(Mumbai.Code));
        Assert.Equal(
            [(AuditActions.RegionDisable, "us-east-1", "us-east-1 (US East (N. Virginia), 10.1.0.0/16)"), (AuditActions.RegionAdd, "ap-south-1", "ap-south-1 (Asia Pacific (Mumbai), 10.3.0.0/16)")],
            (await EntriesAsync()).Select(e => (e.Action, e.ObjectId, e.Detail)));

        _host = await Host.RestartAsync(Ct);
        await StartRegionsAsync(Host);

        var restarted = Host.Services.GetRequiredService<IRegionDirectory>().Current;
        Assert.Equal(["eu-west-2", "us-east-1", "us-west-2", "ap-south-1"], restarted.All.Select(r => r.Code.Value));
        Assert.True(restarted.IsDisabled(UsEast1));
        Assert.Equal(Mumbai, restarted.Get(Mumbai.Code));
    }

    [Fact]
    public async Task An_overlapping_cidr_is_refused_naming_the_other_region_and_nothing_is_stored_or_audited()
    {
        await StartRegionsAsync(Host);
        var admin = Host.Services.GetRequiredService<IRegionAdministration>();

        var result = await admin.AddWorkerAsync(Grace, new WorkerRegionDraft { Region = "ap-south-1", Cidr = "10.1.0.0/16" }, Ct);

        Assert.False(result.Succeeded);
        Assert.Equal("10.1.0.0/16 overlaps us-east-1 (US East (N. Virginia), 10.1.0.0/16); choose a CIDR that overlaps no other region.", result.Errors[WorkerRegionDraft.CidrField]);
        Assert.Equal(3, (await Store.ListAsync(Ct)).Count);
        Assert.Empty(await EntriesAsync());
    }

    [Fact]
    public async Task Only_an_admin_changes_regions_and_the_home_region_is_never_disabled()
    {
        await StartRegionsAsync(Host);
        var admin = Host.Services.GetRequiredService<IRegionAdministration>();
        var ada = new Actor("local:ada", "ada", isAdmin: false);

        var byUser = await admin.SetEnabledAsync(ada, UsEast1, enabled: false, Ct);
        var addByUser = await admin.AddWorkerAsync(ada, new WorkerRegionDraft { Region = "ap-south-1", Cidr = "10.3.0.0/16" }, Ct);
        var home = await admin.SetEnabledAsync(Grace, RegionCode.Parse("eu-west-2"), enabled: false, Ct);

        Assert.Equal((false, RegionAdministration.AdminsOnly), (byUser.Succeeded, byUser.Message));
        Assert.Equal((false, RegionAdministration.AdminsOnly), (addByUser.Succeeded, addByUser.Message));
        Assert.Equal((false, "eu-west-2 is the home region (the portal, notebooks and schedulers run there); it cannot be disabled."), (home.Succeeded, home.Message));
        Assert.Equal(RegionCatalog.Default.All, await Store.ListAsync(Ct));
        Assert.Empty(await EntriesAsync());
    }
}

public sealed class EfRegionStoreOnSqliteTests : EfRegionStoreTests
{
    protected override TestProvider Provider => TestProvider.Sqlite;
}

public sealed class EfRegionStoreOnPostgreSqlTests : EfRegionStoreTests
{
    protected override TestProvider Provider => TestProvider.PostgreSql;
}
