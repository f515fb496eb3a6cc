using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Datasets;
using Portal.Domain.Regions;
using Portal.Domain.Sessions;
using Portal.Infra.Persistence.Configurations;
using Portal.Infra.Tests.Support;

namespace Portal.Infra.Tests.Persistence;

/// <summary>
/// The session store on a real database; every test runs once per provider (<see cref="EfSessionStoreOnSqliteTests"/>,
/// <see cref="EfSessionStoreOnPostgreSqlTests"/>), each time over a database of its own.
/// </summary>
public abstract class EfSessionStoreTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = InfraTestHost.Start;
    private static readonly RegionCode UsEast1 = RegionCode.Parse("us-east-1");

    /// <summary>Every field away from its default, so a field the store drops or mixes up shows.</summary>
    private static readonly SessionRequest UnusualRequest = new()
    {
        DataType = DataType.Both,
        VariableCategory = VariableCategory.Wind,
        Variable = "eastward_wind_at_10_metres",
        StartDate = new DateOnly(1999, 12, 31),
        EndDate = new DateOnly(2001, 2, 28),
        ActivityIds = ["DCPP", "C4MIP", "CMIP"],
        TableId = "day",
        VariableIds = ["zg", "ta"],
        Experiment = "ssp585",
        Datasets = [DatasetCatalog.Cmip6, DatasetCatalog.Era5],
        WorkersPerRegion = 7,
        MaximumHours = 13,
        WorkerSize = "m5d.2xlarge",
    };

    private InfraTestHost? _host;

    protected abstract TestProvider Provider { get; }

    /// <summary>The provider's own context type, whose migrations made the schema.</summary>
    protected abstract Type ExpectedContext { get; }

    protected InfraTestHost Host => _host ?? throw new InvalidOperationException("Not initialised.");

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    private ISessionStore Store => Host.Store;

    public async ValueTask InitializeAsync() => _host = await InfraTestHost.CreateAsync(Ct, provider: Provider);

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>Stops the portal and starts it again over the same database (see <see cref="InfraTestHost.RestartAsync"/>).</summary>
    protected async Task RestartAsync(Action<IServiceCollection>? configureServices = null) =>
        _host = await Host.RestartAsync(Ct, configureServices: configureServices);

    /// <summary>What the portal's data protection makes of <paramref name="text"/> (sign-in cookies and notebook links use it).</summary>
    protected static string Protect(InfraTestHost host, string text) => Protector(host).Protect(text);

    protected static string Unprotect(InfraTestHost host, string token) => Protector(host).Unprotect(token);

    [Fact]
    public async Task Stores_every_request_field_step_and_state_and_finds_them_again()
    {
        var session = TestSessions.Launch("ada", T0, UnusualRequest, hourlyCostUsd: 12.3456m);
        session.BeginProvisioning(T0.AddSeconds(1));
        var scheduler = session.Steps[0].ResourceName;
        var workers = session.Steps[1].ResourceName;
        session.StartStep(scheduler, T0.AddSeconds(2));
        session.ObserveStep(scheduler, "CREATE_COMPLETE", null);
        session.CompleteStep(scheduler, T0.AddSeconds(3));
        session.StartStep(workers, T0.AddSeconds(2));
        session.ObserveStep(workers, "ROLLBACK_IN_PROGRESS", "WorkerService did not stabilize");
        session.FailStep(workers, "Stack failed: WorkerService did not stabilize", T0.AddSeconds(4));

        await Store.AddAsync(session, Ct);
        var found = await Store.FindAsync(session.Id, Ct);

        Assert.NotNull(found);
        Assert.NotSame(session, found);
        Assert.Equal(SessionState.Failed, found.State);
        Assert.Equal(workers, found.FailedStep);
        Equivalence.AssertEquivalent(session.Request, found.Request, "Request");
        AssertSameSession(session, found);
        Assert.Equal(session.Steps.Select(s => s.ResourceName), found.Steps.Select(s => s.ResourceName));
        Assert.Equal(StepKind.Notebook, found.Steps[^1].Kind);
    }

    [Fact]
    public async Task Update_applies_the_change_and_the_next_find_sees_it()
    {
        var session = TestSessions.Launch("ada", T0);
        await Store.AddAsync(session, Ct);

        var saved = await Store.UpdateAsync(session.Id, s => s.BeginProvisioning(T0.AddMinutes(1)), Ct);

        Assert.Equal(SessionState.Provisioning, saved?.State);
        var found = await Store.FindAsync(session.Id, Ct);
        Assert.Equal(SessionState.Provisioning, found?.State);
        Assert.Equal(T0.AddMinutes(1), found?.ProvisioningStartedAt);
        Assert.Null(await Store.UpdateAsync(SessionId.New(), s => s.BeginProvisioning(T0), Ct));
        Assert.Null(await Store.FindAsync(SessionId.New(), Ct));
    }

    [Fact]
    public async Task Lists_a_users_sessions_newest_first_and_everyones_without_an_owner()
    {
        var adaOld = TestSessions.Launch("ada", T0);
        var bob = TestSessions.Launch("bob", T0.AddMinutes(1));
        var adaNew = TestSessions.Launch("ada", T0.AddMinutes(2));
        var adaMiddle = TestSessions.Launch("ada", T0.AddSeconds(90));
        foreach (var session in new[] { adaOld, bob, adaNew, adaMiddle })
        {
            await Store.AddAsync(session, Ct);
        }

        Assert.Equal([adaNew.Id, adaMiddle.Id, adaOld.Id], (await Store.ListAsync("ada", Ct)).Select(s => s.Id));
        Assert.Equal([bob.Id], (await Store.ListAsync("bob", Ct)).Select(s => s.Id));
        Assert.Empty(await Store.ListAsync("Ada", Ct));
        Assert.Equal([adaNew.Id, adaMiddle.Id, bob.Id, adaOld.Id], (await Store.ListAsync(null, Ct)).Select(s => s.Id));
        Assert.All(await Store.ListAsync(null, Ct), s => Assert.Equal(3, s.Steps.Count(step => step.Kind != StepKind.Notebook)));
    }

    [Fact]
    public async Task Lists_unfinished_sessions_and_expired_ready_or_failed_ones_as_needing_work_oldest_first()
    {
        var oneHour = SampleRequests.FirstRun with { MaximumHours = 1 };
        var requested = TestSessions.Launch("ada", T0.AddMinutes(6), oneHour);
        var provisioning = TestSessions.Launch("ada", T0.AddMinutes(5), oneHour);
        provisioning.BeginProvisioning(T0.AddMinutes(5));
        var readyExpired = TestSessions.Ready("ada", T0);
        var readyJustExpired = TestSessions.Ready("ada", T0.AddMinutes(1), SampleRequests.FirstRun with { MaximumHours = 5 });
        var readyNotExpired = TestSessions.Ready("ada", T0.AddMinutes(2), SampleRequests.FirstRun with { MaximumHours = 6 });
        var stopping = TestSessions.Ready("ada", T0.AddMinutes(3));
        stopping.RequestStop(T0.AddMinutes(4), "Stopped by a test.");
        var stopped = TestSessions.Launch("ada", T0.AddMinutes(4));
        stopped.RequestStop(T0.AddMinutes(4), "Stopped by a test.");
        stopped.MarkStopped(T0.AddMinutes(4));
        var failed = TestSessions.Launch("ada", T0.AddMinutes(7), oneHour);
        failed.BeginProvisioning(T0.AddMinutes(7));
        failed.StartStep(failed.Steps[0].ResourceName, T0.AddMinutes(7));
        failed.FailStep(failed.Steps[0].ResourceName, "quota", T0.AddMinutes(7));
        foreach (var session in new[] { requested, provisioning, readyExpired, readyJustExpired, readyNotExpired, stopping, stopped, failed })
        {
            await Store.AddAsync(session, Ct);
        }

        // At T0 + 5 h 1 min readyExpired (4 h from T0) is past its expiry and readyJustExpired (5 h from T0 + 1 min) exactly at it.
        var ids = await Store.ListNeedingWorkAsync(T0.AddHours(5).AddMinutes(1), Ct);

        // The failed session (1 h from T0 + 7 min) has expired too: what it created must be cleaned up. readyNotExpired has
        // not reached its lifetime, but it has been idle for far longer than its 20 minutes.
        Assert.Equal([readyExpired.Id, readyJustExpired.Id, readyNotExpired.Id, stopping.Id, provisioning.Id, requested.Id, failed.Id], ids);
        // Before that, the failed session still needs work: it deletes what it created by itself (clean-up on failure).
        Assert.Equal([stopping.Id, provisioning.Id, requested.Id, failed.Id], await Store.ListNeedingWorkAsync(T0, Ct));
    }

    [Fact]
    public async Task Appending_skips_events_whose_external_id_is_already_stored_for_that_session()
    {
        var ada = TestSessions.Launch("ada", T0);
        var bob = TestSessions.Launch("bob", T0);
        await Store.AddAsync(ada, Ct);
        await Store.AddAsync(bob, Ct);

        await Store.AppendEventsAsync(
        [
            new SessionEvent(ada.Id, T0.AddSeconds(2), "stack", UsEast1, "WorkerLogGroup CREATE_IN_PROGRESS", "ev-1"),
            new SessionEvent(ada.Id, T0.AddSeconds(1), null, null, "Provisioning started."),
            new SessionEvent(ada.Id, T0.AddSeconds(3), "stack", UsEast1, "WorkerLogGroup CREATE_COMPLETE", "ev-2"),
            new SessionEvent(ada.Id, T0.AddSeconds(3), "stack", UsEast1, "WorkerLogGroup CREATE_COMPLETE", "ev-2"),
        ], Ct);
        await Store.AppendEventsAsync(
        [
            new SessionEvent(ada.Id, T0.AddSeconds(2), "stack", UsEast1, "WorkerLogGroup CREATE_IN_PROGRESS (again)", "ev-1"),
            new SessionEvent(ada.Id, T0.AddSeconds(1), null, null, "Provisioning started."),
            new SessionEvent(ada.Id, T0.AddSeconds(4), "stack", UsEast1, "WorkerService CREATE_IN_PROGRESS", "ev-3"),
            new SessionEvent(bob.Id, T0.AddSeconds(5), "stack", UsEast1, "bob's own ev-1", "ev-1"),
        ], Ct);
        await Store.AppendEventsAsync([], Ct);

        var adaEvents = await Store.ListEventsAsync(ada.Id, Ct);
        Assert.Equal(
            [
                "Provisioning started.",
                "Provisioning started.",
                "WorkerLogGroup CREATE_IN_PROGRESS",
                "WorkerLogGroup CREATE_COMPLETE",
                "WorkerService CREATE_IN_PROGRESS",
            ],
            adaEvents.Select(e => e.Message));
        Assert.Equal(new SessionEvent(ada.Id, T0.AddSeconds(2), "stack", UsEast1, "WorkerLogGroup CREATE_IN_PROGRESS", "ev-1"), adaEvents[2]);
        Assert.Equal(new SessionEvent(ada.Id, T0.AddSeconds(1), null, null, "Provisioning started."), adaEvents[0]);
        Assert.Equal(["bob's own ev-1"], (await Store.ListEventsAsync(bob.Id, Ct)).Select(e => e.Message));
    }

    [Fact]
    public async Task Two_concurrent_updates_both_land_because_the_loser_retries()
    {
        var session = TestSessions.Launch("ada", T0);
        session.BeginProvisioning(T0);
        session.StartStep(session.Steps[0].ResourceName, T0);
        session.StartStep(session.Steps[1].ResourceName, T0);
        await Store.AddAsync(session, Ct);
        var scheduler = session.Steps[0].ResourceName;
        var workers = session.Steps[1].ResourceName;

        // Both changes wait for each other after loading, so both load version 1 and one save must conflict.
        using var bothLoaded = new Barrier(2);
        var calls = 0;
        void Change(Session s, string step, string status)
        {
            if (Interlocked.Increment(ref calls) <= 2)
            {
                Assert.True(bothLoaded.SignalAndWait(TimeSpan.FromSeconds(10), Ct), "The other update never loaded the session.");
            }

            s.ObserveStep(step, status, null);
        }

        var first = Task.Run(() => Store.UpdateAsync(session.Id, s => Change(s, scheduler, "CREATE_COMPLETE"), Ct), Ct);
        var second = Task.Run(() => Store.UpdateAsync(session.Id, s => Change(s, workers, "CREATE_IN_PROGRESS"), Ct), Ct);
        await Task.WhenAll(first, second);

        Assert.Equal(3, calls);
        var found = await Store.FindAsync(session.Id, Ct);
        Assert.Equal("CREATE_COMPLETE", found?.Step(scheduler).ProviderStatus);
        Assert.Equal("CREATE_IN_PROGRESS", found?.Step(workers).ProviderStatus);
        Assert.Equal(3, await VersionAsync(session.Id));
    }

    [Fact]
    public async Task Update_gives_up_after_repeated_conflicts()
    {
        var session = TestSessions.Launch("ada", T0);
        await Store.AddAsync(session, Ct);
        var attempts = 0;

        // Every attempt is overtaken by another writer between its load and its save.
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => Store.UpdateAsync(session.Id, s =>
        {
            attempts++;
            BumpVersionBehindTheStoresBack(session.Id);
        }, Ct));

        Assert.Equal(5, attempts);
    }

    [Fact]
    public async Task A_session_and_its_events_survive_a_restart_over_the_same_database()
    {
        var session = TestSessions.Ready("ada", T0, UnusualRequest);
        await Store.AddAsync(session, Ct);
        await Store.AppendEventsAsync([new SessionEvent(session.Id, T0, null, null, "Launched.")], Ct);

        await RestartAsync();

        var found = await Host.Store.FindAsync(session.Id, Ct);
        Assert.NotNull(found);
        AssertSameSession(session, found);
        Assert.Equal(["Launched."], (await Host.Store.ListEventsAsync(session.Id, Ct)).Select(e => e.Message));
    }

    [Fact]
    public async Task Two_instances_appending_the_same_stack_events_at_once_store_each_event_once()
    {
        // Both instances read "nothing stored yet" before either writes, so one of them meets the unique index.
        var bothRead = new ReadRendezvous("SessionEvents", parties: 2);
        void LineUp(IServiceCollection services) => services.AddSingleton<IInterceptor>(bothRead);
        await RestartAsync(LineUp);
        await using var other = await Host.StartAnotherInstanceAsync(Ct); // lined up too: service changes carry over
        var session = TestSessions.Launch("ada", T0);
        await Store.AddAsync(session, Ct);
        SessionEvent[] Seen(string by, int second) =>
        [
            new(session.Id, T0.AddSeconds(1), "stack", UsEast1, "WorkerLogGroup CREATE_IN_PROGRESS", "ev-1"),
            new(session.Id, T0.AddSeconds(2), "stack", UsEast1, "WorkerLogGroup CREATE_COMPLETE", "ev-2"),
            new(session.Id, T0.AddSeconds(second), null, null, $"Polled by {by}."),
        ];

        bothRead.Arm();
        await Task.WhenAll(
            Task.Run(() => Store.AppendEventsAsync(Seen("the first instance", 3), Ct), Ct),
            Task.Run(() => other.Store.AppendEventsAsync(Seen("the second instance", 4), Ct), Ct));

        Assert.True(bothRead.Met, "The two appends did not both read before writing.");
        Assert.Equal(
            [
                "WorkerLogGroup CREATE_IN_PROGRESS",
                "WorkerLogGroup CREATE_COMPLETE",
                "Polled by the first instance.",
                "Polled by the second instance.",
            ],
            (await other.Store.ListEventsAsync(session.Id, Ct)).Select(e => e.Message));
    }

    [Fact]
    public async Task What_one_instance_protects_another_instance_and_a_restarted_portal_can_read()
    {
        var token = Protect(Host, "notebook link");
        await using (var other = await Host.StartAnotherInstanceAsync(Ct))
        {
            Assert.Equal("notebook link", Unprotect(other, token));
            var back = Protect(other, "sign-in cookie");
            Assert.Equal("sign-in cookie", Unprotect(Host, back));
        }

        await RestartAsync();

        Assert.Equal("notebook link", Unprotect(Host, token));
    }

    [Fact]
    public async Task The_sandbox_keeps_one_live_resource_per_name_and_any_number_of_gone_ones()
    {
        await using var db = await Host.CreateDbContextAsync(Ct);
        db.SandboxResources.AddRange(
            SandboxResources.Stack("portal-s1", isGone: true),
            SandboxResources.Stack("portal-s1", isGone: true),
            SandboxResources.Stack("portal-s1", isGone: false));
        await db.SaveChangesAsync(Ct);

        db.SandboxResources.Add(SandboxResources.Stack("portal-s1", isGone: false));
        var refused = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync(Ct));

        Assert.True(db.IsUniqueViolation(refused), refused.InnerException?.Message);
        db.ChangeTracker.Clear();
        Assert.Equal(1, await db.SandboxResources.CountAsync(r => r.Name == "portal-s1" && !r.IsGone, Ct));
    }

    [Fact]
    public async Task The_schema_comes_from_this_providers_migrations_and_nothing_is_pending()
    {
        await using var db = await Host.CreateDbContextAsync(Ct);

        Assert.Equal(ExpectedContext, db.GetType());
        Assert.Empty(await db.Database.GetPendingMigrationsAsync(Ct));
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync(Ct));
        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(), "The model differs from the last migration's snapshot: add a migration.");
    }

    /// <summary>Steps come back in key order (resource name), not plan order: compare them by <see cref="SessionStep.Order"/>.</summary>
    private static void AssertSameSession(Session expected, Session actual)
    {
        Equivalence.AssertEquivalent(expected, actual, "Session", nameof(Session.Steps));
        Equivalence.AssertEquivalent(expected.Steps.OrderBy(s => s.Order).ToList(), actual.Steps.OrderBy(s => s.Order).ToList(), "Session.Steps");
    }

    private async Task<int> VersionAsync(SessionId id)
    {
        await using var db = await Host.CreateDbContextAsync(Ct);
        return await db.Sessions.Where(s => s.Id == id).Select(s => EF.Property<int>(s, SessionConfiguration.VersionProperty)).SingleAsync(Ct);
    }

    private void BumpVersionBehindTheStoresBack(SessionId id)
    {
        using var db = Host.CreateDbContextAsync(Ct).GetAwaiter().GetResult();
        db.Database.ExecuteSql($"UPDATE \"Sessions\" SET \"Version\" = \"Version\" + 1 WHERE \"Id\" = {id.Value}");
    }

    private static IDataProtector Protector(InfraTestHost host) =>
        host.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("Portal.Infra.Tests");
}
