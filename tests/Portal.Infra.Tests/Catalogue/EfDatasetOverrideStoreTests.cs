using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Datasets;
using Portal.Infra.Persistence;
using Portal.Infra.Tests.Persistence;
using Portal.Infra.Tests.Support;

namespace Portal.Infra.Tests.Catalogue;

/// <summary>The admins' dataset changes (table DatasetOverrides) on each provider, a database of its own per test.</summary>
public abstract class EfDatasetOverrideStoreTests : IAsyncLifetime
{
    private static readonly DateTimeOffset At = new(2026, 12, 7, 10, 30, 0, TimeSpan.Zero);

    private InfraTestHost? _host;

    protected abstract TestProvider Provider { get; }

    private InfraTestHost Host => _host ?? throw new InvalidOperationException("Not initialised.");

    private EfDatasetOverrideStore Store => Host.Services.GetRequiredService<EfDatasetOverrideStore>();

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

    [Fact]
    public async Task An_override_round_trips_and_an_upsert_replaces_it()
    {
        var disabled = new DatasetOverride(DatasetCatalog.Cmip6, false, null, null, null, "grace", At);
        var edited = new DatasetOverride(DatasetCatalog.Era5, true, "ERA5 (first home)", new string('d', 2000), ["climate", "reanalysis"], "grace", At);

        await Store.UpsertAsync(disabled, Ct);
        await Store.UpsertAsync(edited, Ct);
        var read = await Store.ListAsync(Ct);

        Assert.Equal([DatasetCatalog.Cmip6, DatasetCatalog.Era5], read.Select(o => o.Id));
        Assert.Equal((false, null, null, null, "grace", At), (read[0].Enabled, read[0].Title, read[0].Description, read[0].Tags, read[0].UpdatedBy, read[0].UpdatedAt));
        Assert.Equal(("ERA5 (first home)", edited.Description, "grace"), (read[1].Title, read[1].Description, read[1].UpdatedBy));
        Assert.Equal(["climate", "reanalysis"], read[1].Tags!);

        await Store.UpsertAsync(disabled with { Enabled = true, UpdatedBy = "ada", UpdatedAt = At.AddHours(1) }, Ct);

        var again = await Store.ListAsync(Ct);
        Assert.Equal(2, again.Count);
        Assert.Equal((true, "ada", At.AddHours(1)), (again[0].Enabled, again[0].UpdatedBy, again[0].UpdatedAt));
    }
}

public sealed class EfDatasetOverrideStoreOnSqliteTests : EfDatasetOverrideStoreTests
{
    protected override TestProvider Provider => TestProvider.Sqlite;
}

public sealed class EfDatasetOverrideStoreOnPostgreSqlTests : EfDatasetOverrideStoreTests
{
    protected override TestProvider Provider => TestProvider.PostgreSql;
}
