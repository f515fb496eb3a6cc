using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Budgets;
using Portal.Domain.Sessions;
using Portal.Infra.Tests.Persistence;
using Portal.Infra.Tests.Support;

namespace Portal.Infra.Tests.Budgets;

/// <summary>Budgets, their notices and the owner's groups on sessions, on each provider (a database of its own per test).</summary>
public abstract class EfBudgetStoreTests : IAsyncLifetime
{
    private InfraTestHost? _host;

    protected abstract TestProvider Provider { get; }

    private InfraTestHost Host => _host ?? throw new InvalidOperationException("Not initialised.");

    private IBudgetStore Store => Host.Services.GetRequiredService<IBudgetStore>();

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
    public async Task A_budget_round_trips_and_an_upsert_replaces_it()
    {
        var first = Budget.Create("team-x", "Team X", BudgetScope.Group("Team X (EU)"), 1234.56m, BudgetThreshold.ParseList("75:Notify,100:RefuseLaunches,150:StopSessions"), exemptAdmins: true);
        var other = Budget.Create("ada", null, BudgetScope.User("entra:tenant/object"), 10m);

        await Store.UpsertAsync(first, Ct);
        await Store.UpsertAsync(other, Ct);
        Assert.Equal([other, first], await Store.ListAsync(Ct), BudgetComparer.Instance);

        var raised = Budget.Create("team-x", "Team X", BudgetScope.Group("Team X (EU)"), 2000m);
        await Store.UpsertAsync(raised, Ct);
        Assert.Equal([other, raised], await Store.ListAsync(Ct), BudgetComparer.Instance);
    }

    [Fact]
    public async Task A_deleted_budget_is_gone_with_its_notices_and_deleting_it_again_says_so()
    {
        await Store.UpsertAsync(Budget.Create("team-x", "Team X", BudgetScope.Group("team-x"), 100m), Ct);
        await Store.UpsertAsync(Budget.Create("ada", null, BudgetScope.User("local:ada"), 10m), Ct);
        Assert.True(await Store.TryRecordNoticeAsync("team-x", new BudgetMonth(2026, 5), InfraTestHost.Start, Ct));

        Assert.True(await Store.DeleteAsync("team-x", Ct));

        Assert.Equal(["ada"], (await Store.ListAsync(Ct)).Select(b => b.Id));
        Assert.False(await Store.DeleteAsync("team-x", Ct));
        // A budget made again with the id starts afresh: its month's notice is given again.
        Assert.True(await Store.TryRecordNoticeAsync("team-x", new BudgetMonth(2026, 5), InfraTestHost.Start, Ct));
    }

    [Fact]
    public async Task A_notice_is_recorded_once_per_budget_and_month()
    {
        var at = InfraTestHost.Start;

        Assert.True(await Store.TryRecordNoticeAsync("team-x", new BudgetMonth(2026, 5), at, Ct));
        Assert.False(await Store.TryRecordNoticeAsync("team-x", new BudgetMonth(2026, 5), at, Ct));
        Assert.True(await Store.TryRecordNoticeAsync("team-x", new BudgetMonth(2026, 6), at, Ct));
        Assert.True(await Store.TryRecordNoticeAsync("ada", new BudgetMonth(2026, 5), at, Ct));
    }

    [Fact]
    public async Task Sessions_keep_their_owners_groups_and_list_when_they_cost_since_a_month_began()
    {
        var inTeams = new Actor("local:ada", "ada", isAdmin: false, ["team-x", "Team Y (EU)"]);
        var launched = await Host.Sessions.LaunchAsync(inTeams, SampleRequests.FirstRun, Ct);
        var id = launched.SessionId!.Value;

        Assert.Empty(await Host.Store.ListCostingSinceAsync(new BudgetMonth(2026, 5).Start, Ct));   // not provisioning yet
        await Host.RunOnceAsync(Ct);

        var costing = Assert.Single(await Host.Store.ListCostingSinceAsync(new BudgetMonth(2026, 5).Start, Ct));
        Assert.Equal(id, costing.Id);
        Assert.Equal(["team-x", "Team Y (EU)"], costing.OwnerGroups);
    }

    private sealed class BudgetComparer : IEqualityComparer<Budget>
    {
        public static BudgetComparer Instance { get; } = new();

        public bool Equals(Budget? x, Budget? y) =>
            x is not null && y is not null
            && (x.Id, x.Name, x.Scope, x.MonthlyLimitUsd, x.ExemptAdmins) == (y.Id, y.Name, y.Scope, y.MonthlyLimitUsd, y.ExemptAdmins)
            && x.Thresholds.SequenceEqual(y.Thresholds);

        public int GetHashCode(Budget obj) => obj.Id.GetHashCode(StringComparison.Ordinal);
    }
}

public sealed class EfBudgetStoreOnSqliteTests : EfBudgetStoreTests
{
    protected override TestProvider Provider => TestProvider.Sqlite;
}

public sealed class EfBudgetStoreOnPostgreSqlTests : EfBudgetStoreTests
{
    protected override TestProvider Provider => TestProvider.PostgreSql;
}
