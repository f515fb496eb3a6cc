using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Audit;
using Portal.Domain.Budgets;
using Portal.Domain.Sessions;
using Portal.Infra.Tests.Support;

namespace Portal.Infra.Tests.Budgets;

/// <summary>The Budgets page's use cases over the real store (SQLite), session costs and audit log.</summary>
public sealed class BudgetAdministrationTests : IAsyncLifetime
{
    private static readonly Actor Grace = new("local:grace", "grace", isAdmin: true);
    private static readonly Actor Ada = new("local:ada", "ada", isAdmin: false, ["team-x"]);

    private static readonly BudgetDraft TeamX = new()
    {
        Id = "team-x",
        Name = "Team X",
        Scope = "group:team-x",
        MonthlyLimitUsd = "500",
        Thresholds = "80:Notify,100:RefuseLaunches,120:StopSessions",
    };

    private InfraTestHost? _host;

    private InfraTestHost Host => _host ?? throw new InvalidOperationException("Not initialised.");

    private IBudgetAdministration Budgets => Host.Services.GetRequiredService<IBudgetAdministration>();

    private IBudgetStore Store => Host.Services.GetRequiredService<IBudgetStore>();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _host = await InfraTestHost.CreateAsync(Ct);

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    private async Task<IReadOnlyList<AuditEntry>> EntriesAsync() =>
        (await Host.Services.GetRequiredService<IAuditLog>().ListAsync(new AuditFilter(), 0, 100, Ct)).Entries;

    [Fact]
    public async Task Create_update_and_delete_each_write_one_entry_naming_the_admin_and_the_budget()
    {
        Assert.True((await Budgets.SaveAsync(Grace, TeamX, isNew: true, Ct)).Succeeded);
        var saved = await Budgets.SaveAsync(Grace, TeamX with { MonthlyLimitUsd = "750" }, isNew: false, Ct);
        Assert.Equal((true, "Budget 'Team X' saved."), (saved.Succeeded, saved.Message));
        Assert.Equal(750m, Assert.Single(await Store.ListAsync(Ct)).MonthlyLimitUsd);
        var deleted = await Budgets.DeleteAsync(Grace, "team-x", Ct);
        Assert.Equal((true, "Budget 'Team X' deleted."), (deleted.Succeeded, deleted.Message));
        Assert.Empty(await Store.ListAsync(Ct));

        var entries = await EntriesAsync();

        Assert.Equal([AuditActions.BudgetDelete, AuditActions.BudgetUpdate, AuditActions.BudgetCreate], entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.Equal(("local:grace", "budget", "team-x"), (e.ActorId, e.ObjectType, e.ObjectId)));
        Assert.Equal("Team X (group:team-x): $500.00 a month, 80:Notify,100:RefuseLaunches,120:StopSessions", entries[2].Detail);
        Assert.Equal("Team X (group:team-x): $500.00 a month, 80:Notify,100:RefuseLaunches,120:StopSessions -> Team X (group:team-x): $750.00 a month, 80:Notify,100:RefuseLaunches,120:StopSessions", entries[1].Detail);
    }

    [Fact]
    public async Task A_plain_user_is_refused_every_call_and_nothing_changes_or_is_audited()
    {
        await Store.UpsertAsync(Budget.Create("team-x", "Team X", BudgetScope.Group("team-x"), 500m), Ct);

        var create = await Budgets.SaveAsync(Ada, TeamX with { Id = "mine" }, isNew: true, Ct);
        var update = await Budgets.SaveAsync(Ada, TeamX with { MonthlyLimitUsd = "99999" }, isNew: false, Ct);
        var delete = await Budgets.DeleteAsync(Ada, "team-x", Ct);

        Assert.All([create, update, delete], r => Assert.Equal((false, "Only a Portal.Admin can manage budgets."), (r.Succeeded, r.Message)));
        Assert.Empty(await Budgets.ListAsync(Ada, 6, Ct));
        Assert.Equal(500m, Assert.Single(await Store.ListAsync(Ct)).MonthlyLimitUsd);
        Assert.Empty(await EntriesAsync());
    }

    [Fact]
    public async Task A_draft_with_wrong_fields_or_a_taken_id_is_refused_per_field_and_not_audited()
    {
        Assert.True((await Budgets.SaveAsync(Grace, TeamX, isNew: true, Ct)).Succeeded);

        var wrong = await Budgets.SaveAsync(Grace, TeamX with { Id = "other", Scope = "team-x", MonthlyLimitUsd = "0" }, isNew: true, Ct);
        var taken = await Budgets.SaveAsync(Grace, TeamX with { MonthlyLimitUsd = "1" }, isNew: true, Ct);
        var missing = await Budgets.SaveAsync(Grace, TeamX with { Id = "nobody" }, isNew: false, Ct);

        Assert.False(wrong.Succeeded);
        Assert.Equal([BudgetDraft.LimitField, BudgetDraft.ScopeField], wrong.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("A budget with the id 'team-x' exists already; edit it, or choose another id.", taken.Message);
        Assert.Equal("The id 'team-x' is taken.", taken.Errors[BudgetDraft.IdField]);
        Assert.False(missing.Succeeded);
        Assert.Equal(500m, Assert.Single(await Store.ListAsync(Ct)).MonthlyLimitUsd);
        Assert.Equal([AuditActions.BudgetCreate], (await EntriesAsync()).Select(e => e.Action));
    }

    [Fact]
    public async Task Spend_is_listed_per_budget_for_this_month_and_the_months_before_from_the_sessions_it_covers()
    {
        Assert.True((await Budgets.SaveAsync(Grace, TeamX, isNew: true, Ct)).Succeeded);
        Assert.True((await Budgets.SaveAsync(Grace, TeamX with { Id = "alan", Name = null, Scope = "user:local:alan" }, isNew: true, Ct)).Succeeded);
        var id = (await Host.Sessions.LaunchAsync(Ada, SampleRequests.FirstRun, Ct)).SessionId!.Value;
        await Host.RunOnceAsync(Ct);   // provisioning: costing from 4 May
        Host.Clock.SetUtcNow(new DateTimeOffset(2026, 6, 1, 3, 0, 0, TimeSpan.Zero));
        var session = (await Host.Store.FindAsync(id, Ct))!;
        var now = Host.Clock.GetUtcNow();
        var may = session.CostWithinUsd(new BudgetMonth(2026, 5).Start, new BudgetMonth(2026, 5).End, now);
        var june = session.CostWithinUsd(new BudgetMonth(2026, 6).Start, new BudgetMonth(2026, 6).End, now);
        Assert.True(may > june && june > 0m);

        var histories = await Budgets.ListAsync(Grace, 6, Ct);

        var teamX = histories.Single(h => h.Budget.Id == "team-x");
        Assert.Equal(["2026-06", "2026-05", "2026-04", "2026-03", "2026-02", "2026-01"], teamX.Months.Select(m => m.Month.Key));
        Assert.Equal([june, may, 0m, 0m, 0m, 0m], teamX.Months.Select(m => m.SpendUsd));
        Assert.Equal(june, teamX.ThisMonthUsd);
        Assert.All(histories.Single(h => h.Budget.Id == "alan").Months, m => Assert.Equal(0m, m.SpendUsd));
    }
}
