using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Quotas;
using Portal.Infra.Tests.Persistence;
using Portal.Infra.Tests.Support;

namespace Portal.Infra.Tests.Quotas;

/// <summary>Portal limits on each provider (a database of its own per test).</summary>
public abstract class EfPortalLimitStoreTests
{
    protected abstract TestProvider Provider { get; }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Limits_round_trip_an_upsert_replaces_the_scopes_and_delete_removes_them()
    {
        await using var host = await InfraTestHost.CreateAsync(Ct, provider: Provider);
        var store = host.Services.GetRequiredService<IPortalLimitStore>();
        var everyone = PortalLimits.Create(LimitScope.Everyone, 1, 2, 3, 4, 5, 6);

        await store.UpsertAsync(everyone, Ct);
        await store.UpsertAsync(PortalLimits.Create(LimitScope.Group("Team X (EU)"), maxConcurrentSessions: 9), Ct);
        await store.UpsertAsync(PortalLimits.Create(LimitScope.Group("Team X (EU)"), maxLifetimeHours: 12), Ct);

        var listed = await store.ListAsync(Ct);
        Assert.Equal([everyone, PortalLimits.Create(LimitScope.Group("Team X (EU)"), maxLifetimeHours: 12)], listed);
        Assert.True(await store.DeleteAsync(LimitScope.Everyone, Ct));
        Assert.False(await store.DeleteAsync(LimitScope.Everyone, Ct));
        Assert.Single(await store.ListAsync(Ct));
    }
}

public sealed class EfPortalLimitStoreOnSqliteTests : EfPortalLimitStoreTests
{
    protected override TestProvider Provider => TestProvider.Sqlite;
}

public sealed class EfPortalLimitStoreOnPostgreSqlTests : EfPortalLimitStoreTests
{
    protected override TestProvider Provider => TestProvider.PostgreSql;
}
