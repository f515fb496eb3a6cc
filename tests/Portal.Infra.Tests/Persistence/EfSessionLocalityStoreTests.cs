using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Regions;
using Portal.Domain.Sessions;
using Portal.Infra.Tests.Support;

namespace Portal.Infra.Tests.Persistence;

/// <summary>Each session's latest locality figure on a real database, once per provider, each time over a database of its own.</summary>
public abstract class EfSessionLocalityStoreTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = InfraTestHost.Start;
    private static readonly RegionCode UsEast1 = RegionCode.Parse("us-east-1");
    private static readonly RegionCode UsWest2 = RegionCode.Parse("us-west-2");
    private static readonly SessionId First = SessionId.New();
    private static readonly SessionId Second = SessionId.New();

    private InfraTestHost? _host;

    protected abstract TestProvider Provider { get; }

    private InfraTestHost Host => _host ?? throw new InvalidOperationException("Not initialised.");

    private ISessionLocalityStore Store => Host.Services.GetRequiredService<ISessionLocalityStore>();

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

    /// <summary>Every count different and the largest allowed among them, so a count the store drops, mixes up or truncates shows.</summary>
    private static DataLocality Figure(DateTimeOffset at, long eastRead = 1_234_567_890_123) => new(
        [new PoolLocality(UsWest2, 3, 7), new PoolLocality(UsEast1, 2, eastRead)],
        [new RegionTransfer(UsEast1, UsWest2, 0, 5_400), new RegionTransfer(UsWest2, UsEast1, DataLocality.MaxFigure, 11)],
        9_876,
        at);

    [Fact]
    public async Task A_session_has_no_figure_before_its_first_report()
    {
        Assert.Null(await Store.FindAsync(First, Ct));
    }

    [Fact]
    public async Task Stores_every_count_in_the_order_reported_and_when_it_was_reported()
    {
        await Store.SaveAsync(First, Figure(T0), Ct);

        var stored = await Store.FindAsync(First, Ct);

        Assert.Equal(Figure(T0), stored);
        Assert.Equal([UsWest2, UsEast1], stored!.Pools.Select(p => p.Region));
    }

    [Fact]
    public async Task A_later_figure_replaces_the_earlier_one_and_a_late_older_one_does_not()
    {
        await Store.SaveAsync(First, Figure(T0, eastRead: 1), Ct);
        await Store.SaveAsync(First, Figure(T0.AddMinutes(2), eastRead: 3), Ct);
        await Store.SaveAsync(First, Figure(T0.AddMinutes(1), eastRead: 2), Ct);

        Assert.Equal(Figure(T0.AddMinutes(2), eastRead: 3), await Store.FindAsync(First, Ct));
        await using var db = await Host.CreateDbContextAsync(Ct);
        Assert.Equal(1, await db.SessionLocality.CountAsync(Ct));
    }

    [Fact]
    public async Task Each_session_keeps_its_own_figure()
    {
        await Store.SaveAsync(First, Figure(T0, eastRead: 1), Ct);
        await Store.SaveAsync(Second, Figure(T0, eastRead: 2), Ct);

        Assert.Equal(1, (await Store.FindAsync(First, Ct))!.Pools[1].BytesRead);
        Assert.Equal(2, (await Store.FindAsync(Second, Ct))!.Pools[1].BytesRead);
    }

    [Fact]
    public async Task A_figure_survives_a_restart()
    {
        await Store.SaveAsync(First, Figure(T0), Ct);

        _host = await Host.RestartAsync(Ct);

        Assert.Equal(Figure(T0), await Store.FindAsync(First, Ct));
    }

    [Fact]
    public async Task First_reports_of_one_session_at_once_leave_one_figure()
    {
        await Task.WhenAll(Enumerable.Range(0, 4).Select(i => Task.Run(() => Store.SaveAsync(First, Figure(T0.AddSeconds(i), eastRead: i), Ct), Ct)));

        var stored = await Store.FindAsync(First, Ct);
        Assert.NotNull(stored);
        await using var db = await Host.CreateDbContextAsync(Ct);
        Assert.Equal(1, await db.SessionLocality.CountAsync(Ct));
    }
}

public sealed class EfSessionLocalityStoreOnSqliteTests : EfSessionLocalityStoreTests
{
    protected override TestProvider Provider => TestProvider.Sqlite;
}

public sealed class EfSessionLocalityStoreOnPostgreSqlTests : EfSessionLocalityStoreTests
{
    protected override TestProvider Provider => TestProvider.PostgreSql;
}
