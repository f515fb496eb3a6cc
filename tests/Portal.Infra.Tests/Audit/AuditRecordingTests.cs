using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Audit;
using Portal.Domain.Budgets;
using Portal.Domain.Cloud;
using Portal.Domain.LaunchPlans;
using Portal.Domain.Regions;
using Portal.Domain.Sessions;
using Portal.Infra.Budgets;
using Portal.Infra.Reaper;
using Portal.Infra.Tests.Support;

namespace Portal.Infra.Tests.Audit;

/// <summary>Each audited action, done through its use case, leaves exactly one entry naming who, what and which object.</summary>
public sealed class AuditRecordingTests
{
    private static readonly Actor Ada = new("local:ada", "ada", isAdmin: false);
    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(5);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<IReadOnlyList<AuditEntry>> EntriesAsync(InfraTestHost host, string? action = null) =>
        (await host.Services.GetRequiredService<IAuditLog>().ListAsync(new AuditFilter { Action = action }, 0, 100, Ct)).Entries;

    [Fact]
    public async Task Launch_stop_and_extend_each_write_one_entry_with_the_actor_action_and_session()
    {
        await using var host = await InfraTestHost.CreateAsync(Ct);
        var id = (await host.Sessions.LaunchAsync(Ada, SampleRequests.FirstRun, Ct)).SessionId!.Value;
        await SessionDriving.DriveAsync(host, id, s => s.State == SessionState.Ready, Tick, Ct);
        Assert.Equal(SessionCommandOutcome.Done, (await host.Sessions.ExtendAsync(Ada, id, new SessionExtension(1), Ct)).Outcome);
        Assert.Equal(SessionCommandOutcome.Done, (await host.Sessions.StopAsync(Ada, id, Ct)).Outcome);

        var entries = await EntriesAsync(host);

        Assert.Equal(
            [AuditActions.SessionStop, AuditActions.SessionExtend, AuditActions.SessionLaunch],
            entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.Equal(("local:ada", "ada", "session", id.Value), (e.ActorId, e.ActorName, e.ObjectType, e.ObjectId)));
        Assert.StartsWith("Launched '", entries[2].Detail, StringComparison.Ordinal);
        Assert.StartsWith("Extended by ada by 1 h", entries[1].Detail, StringComparison.Ordinal);
        Assert.Equal("Stopped by ada.", entries[0].Detail);
        // Outside a web request the origin is the portal itself.
        Assert.All(entries, e => Assert.Equal("system", e.SourceIp));
    }

    [Fact]
    public async Task An_admin_stopping_someone_elses_session_is_a_force_stop_naming_the_admin()
    {
        await using var host = await InfraTestHost.CreateAsync(Ct);
        var id = (await host.Sessions.LaunchAsync(Ada, SampleRequests.FirstRun, Ct)).SessionId!.Value;
        var grace = new Actor("local:grace", "grace", isAdmin: true);

        Assert.Equal(SessionCommandOutcome.Done, (await host.Sessions.StopAsync(grace, id, Ct)).Outcome);

        var entry = Assert.Single(await EntriesAsync(host, AuditActions.SessionForceStop));
        Assert.Equal(("local:grace", "session", id.Value), (entry.ActorId, entry.ObjectType, entry.ObjectId));
        Assert.Empty(await EntriesAsync(host, AuditActions.SessionStop));
    }

    [Fact]
    public async Task A_retry_writes_one_entry()
    {
        await using var host = await InfraTestHost.CreateAsync(Ct, new Dictionary<string, string?>
        {
            ["Sandbox:FailStacksContaining"] = "workers-us-west-2",
            ["Sandbox:FailFirstAttemptOnly"] = "true",
        });
        var id = (await host.Sessions.LaunchAsync(Ada, SampleRequests.FirstRun, Ct)).SessionId!.Value;
        await SessionDriving.DriveAsync(host, id, s => s.State == SessionState.Failed && s.HasEnded, Tick, Ct);

        Assert.Equal(SessionCommandOutcome.Done, (await host.Sessions.RetryAsync(Ada, id, Ct)).Outcome);

        var retry = Assert.Single(await EntriesAsync(host, AuditActions.SessionRetry));
        Assert.Equal(("ada", id.Value), (retry.ActorName, retry.ObjectId));
        Assert.StartsWith("Retry requested by ada", retry.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_launch_refused_by_a_budget_writes_one_entry_with_the_reason_and_nothing_else()
    {
        await using var host = await InfraTestHost.CreateAsync(Ct);
        await host.Services.GetRequiredService<IBudgetStore>().UpsertAsync(Budget.Create("ada", "Ada's own", BudgetScope.User("local:ada"), 0.01m), Ct);

        var result = await host.Sessions.LaunchAsync(Ada, SampleRequests.FirstRun, Ct);

        Assert.False(result.Succeeded);
        var refused = Assert.Single(await EntriesAsync(host));
        Assert.Equal((AuditActions.SessionLaunchRefused, "ada"), (refused.Action, refused.ActorName));
        Assert.Equal(Assert.Single(result.Errors).Message, refused.Detail);
    }

    [Fact]
    public async Task A_budget_stop_writes_an_entry_per_stopped_session_by_the_system()
    {
        await using var host = await InfraTestHost.CreateAsync(Ct);
        var id = (await host.Sessions.LaunchAsync(Ada, SampleRequests.FirstRun, Ct)).SessionId!.Value;
        var ready = (await SessionDriving.DriveAsync(host, id, s => s.State == SessionState.Ready, Tick, Ct))[^1];
        await host.Services.GetRequiredService<IBudgetStore>().UpsertAsync(
            Budget.Create("ada", "Ada", BudgetScope.User("local:ada"), decimal.Round(ready.HourlyCostUsd, 2)), Ct);
        host.Clock.Advance(TimeSpan.FromHours(2));

        await host.Services.GetRequiredService<BudgetEnforcer>().RunOnceAsync(Ct);

        var stop = Assert.Single(await EntriesAsync(host, AuditActions.BudgetStop));
        Assert.Equal((AuditEntry.SystemActor, "session", id.Value, "system"), (stop.ActorId, stop.ObjectType, stop.ObjectId, stop.SourceIp));
        Assert.StartsWith("Stopped: budget 'Ada' reached 120 %", stop.Detail, StringComparison.Ordinal);
        Assert.EndsWith("(budget ada)", stop.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_reaper_deletion_writes_an_entry_by_the_system()
    {
        await using var host = await InfraTestHost.CreateAsync(Ct, new Dictionary<string, string?> { ["Reaper:GracePeriod"] = "00:30:00" });
        var gone = SessionId.Parse("s-0rphan0000");
        var usEast1 = RegionCode.Parse("us-east-1");
        await host.Sandbox.CreateStackAsync(
            new StackCreateRequest(usEast1, $"portal-{gone}-workers-us-east-1", "SessionWorkers", new Dictionary<string, string>(), SessionTags.For(gone, "ada"), "t1"), Ct);
        host.Clock.Advance(TimeSpan.FromMinutes(31));

        var reaped = await host.Services.GetRequiredService<OrphanReaper>().ReapOnceAsync(Ct);

        Assert.Single(reaped);
        var entry = Assert.Single(await EntriesAsync(host));
        Assert.Equal(
            (AuditActions.ReaperDelete, AuditEntry.SystemActor, OrphanReaper.StackKind, $"us-east-1/portal-{gone}-workers-us-east-1"),
            (entry.Action, entry.ActorId, entry.ObjectType, entry.ObjectId));
    }
}
