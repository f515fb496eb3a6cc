using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Cloud;
using Portal.Domain.LaunchPlans;
using Portal.Domain.Regions;
using Portal.Domain.Sessions;
using Portal.Infra.Notebooks;
using Portal.Infra.Reaper;
using Portal.Infra.Sandbox;
using Portal.Infra.Sessions;
using Portal.Infra.Tests.Support;

namespace Portal.Infra.Tests.Orchestration;

/// <summary>
/// The lifecycle issue's reliability matrix: one session per click, restarts at every step boundary, throttling,
/// deletes that never succeed, orphans, idle stop and Extend, recorded steps, Retry.
/// </summary>
public sealed class SessionReliabilityTests
{
    private static readonly Actor Ada = new("ada", isAdmin: false);
    private static readonly Actor Admin = new("grace", isAdmin: true);
    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(1);

    private static readonly Dictionary<string, string?> Durations = new()
    {
        ["Sandbox:StackCreateDurations:SessionScheduler"] = "00:00:03",
        ["Sandbox:StackCreateDurations:SessionWorkers"] = "00:00:05",
        ["Sandbox:StackDeleteDuration"] = "00:00:02",
        ["Sandbox:NotebookCreateDuration"] = "00:00:03",
        ["Sandbox:NotebookStopDuration"] = "00:00:02",
    };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Dictionary<string, string?> With(params (string Key, string Value)[] settings)
    {
        var all = new Dictionary<string, string?>(Durations);
        foreach (var (key, value) in settings)
        {
            all[key] = value;
        }

        return all;
    }

    [Fact]
    public async Task A_double_click_and_a_resubmit_with_the_same_launch_key_make_one_session()
    {
        await using var host = await InfraTestHost.CreateAsync(Ct, Durations);
        var command = new LaunchCommand(SampleRequests.FirstRun, LaunchKey: "form-1");

        var together = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => host.Sessions.LaunchAsync(Ada, command, Ct)));
        var again = await host.Sessions.LaunchAsync(Ada, command, Ct);

        var id = Assert.Single(together.Select(r => r.SessionId).Distinct());
        Assert.Equal(id, again.SessionId);
        Assert.Single(await host.Store.ListAsync(Ada.Id, Ct));
    }

    [Fact]
    public async Task An_identical_running_session_is_offered_before_another_is_launched()
    {
        await using var host = await InfraTestHost.CreateAsync(Ct, Durations);
        var first = await host.Sessions.LaunchAsync(Ada, new LaunchCommand(SampleRequests.FirstRun, LaunchKey: "form-1"), Ct);

        var second = await host.Sessions.LaunchAsync(Ada, new LaunchCommand(SampleRequests.FirstRun, LaunchKey: "form-2"), Ct);
        Assert.Null(second.SessionId);
        Assert.Equal(first.SessionId, second.RunningDuplicate);

        var another = await host.Sessions.LaunchAsync(Ada, new LaunchCommand(SampleRequests.FirstRun, LaunchKey: "form-2", AllowDuplicate: true), Ct);
        Assert.NotNull(another.SessionId);
        Assert.NotEqual(first.SessionId, another.SessionId);
        Assert.Equal(2, (await host.Store.ListAsync(Ada.Id, Ct)).Count);
    }

    [Fact]
    public async Task A_session_has_a_default_name_which_can_be_given_at_launch_and_changed()
    {
        await using var host = await InfraTestHost.CreateAsync(Ct, Durations);
        var named = await LaunchAsync(host, name: "Heatwave 2022");
        var unnamed = await LaunchAsync(host);

        Assert.Equal("Heatwave 2022", (await host.Store.FindAsync(named, Ct))!.Name);
        Assert.Equal(SessionName.Default(SampleRequests.FirstRun), (await host.Store.FindAsync(unnamed, Ct))!.Name);
        Assert.True((await host.Sessions.RenameAsync(Ada, unnamed, "Second look", Ct)).Succeeded);
        Assert.Equal("Second look", (await host.Store.FindAsync(unnamed, Ct))!.Name);
        Assert.Equal(SessionCommandOutcome.Refused, (await host.Sessions.RenameAsync(Ada, unnamed, " ", Ct)).Outcome);
        Assert.Equal(SessionCommandOutcome.NotFound, (await host.Sessions.RenameAsync(new Actor("bob", false), unnamed, "Mine now", Ct)).Outcome);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    public async Task A_restart_at_any_step_boundary_resumes_and_creates_nothing_twice(int passesBeforeRestart)
    {
        var host = await InfraTestHost.CreateAsync(Ct, Durations);
        try
        {
            var id = await LaunchAsync(host);
            for (var pass = 0; pass < passesBeforeRestart; pass++)
            {
                await host.RunOnceAsync(Ct);
                host.Clock.Advance(Tick);
            }

            host = await host.RestartAsync(Ct);
            var ready = await DriveAsync(host, id, s => s.State == SessionState.Ready);

            await using var db = await host.CreateDbContextAsync(Ct);
            var resources = await db.SandboxResources.AsNoTracking().ToListAsync(Ct);
            Assert.Equal(ready.Steps.Select(s => s.ResourceName).Order(StringComparer.Ordinal), resources.Select(r => r.Name).Order(StringComparer.Ordinal));
        }
        finally
        {
            await host.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_throttling_storm_delays_the_launch_and_does_not_fail_it()
    {
        await using var host = await InfraTestHost.CreateAsync(Ct, Durations, InterceptStacks);
        var deployer = host.Services.GetRequiredService<InterceptingStackDeployer>();
        var throttled = 0;
        deployer.BeforeCreate = _ => Interlocked.Increment(ref throttled) <= 6
            ? throw new CloudOperationException("Throttling", "AWS is throttling the portal's calls. Try again in a minute.", isTransient: true)
            : Task.CompletedTask;
        var id = await LaunchAsync(host);

        var ready = await DriveAsync(host, id, s => s.State == SessionState.Ready, maxPasses: 200);

        Assert.True(throttled > 6);
        Assert.All(ready.Steps, s => Assert.Equal(StepStatus.Complete, s.Status));
        Assert.Contains(await host.Store.ListEventsAsync(id, Ct), e => e.Message.Contains("The portal keeps trying.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_delete_that_never_succeeds_ends_in_needs_attention_within_its_bound_and_an_admin_can_retry_it()
    {
        await using var host = await InfraTestHost.CreateAsync(
            Ct, With(("Orchestration:MaxDeleteAttempts", "3"), ("Orchestration:RetryBaseDelay", "00:00:01")), InterceptStacks);
        var deployer = host.Services.GetRequiredService<InterceptingStackDeployer>();
        var id = await LaunchAsync(host);
        var ready = await DriveAsync(host, id, s => s.State == SessionState.Ready);
        var scheduler = ready.Steps.Single(s => s.Kind == StepKind.Scheduler);
        deployer.BeforeDelete = name => name == scheduler.ResourceName
            ? throw new CloudOperationException("InternalFailure", "AWS had an internal error in DeleteStack.", isTransient: true)
            : Task.CompletedTask;

        await host.Sessions.StopAsync(Ada, id, Ct);
        var stuck = await DriveAsync(host, id, s => s.State == SessionState.NeedsAttention, maxPasses: 30);

        Assert.Contains(scheduler.ResourceName, stuck.AttentionReason, StringComparison.Ordinal);
        Assert.Contains("after 3 attempts", stuck.AttentionReason, StringComparison.Ordinal);
        Assert.Contains("Retry clean-up", stuck.AttentionReason, StringComparison.Ordinal);
        Assert.Equal(3, deployer.Deletes.Count(d => d.StackName == scheduler.ResourceName));
        // No loop runs for ever: nothing drives it again by itself.
        Assert.Empty(await host.Store.ListNeedingWorkAsync(host.Clock.GetUtcNow().AddHours(1), Ct));
        Assert.Equal(SessionState.NeedsAttention, (await host.Sessions.ListAsync(Admin, everyone: true, Ct))[0].State);

        deployer.BeforeDelete = null;
        Assert.Equal(SessionCommandOutcome.Refused, (await host.Sessions.ResumeCleanUpAsync(Ada, id, Ct)).Outcome);
        Assert.Equal(SessionCommandOutcome.Refused, (await host.Sessions.StopAsync(Ada, id, Ct)).Outcome);
        Assert.Equal(SessionCommandOutcome.Done, (await host.Sessions.ResumeCleanUpAsync(Admin, id, Ct)).Outcome);
        var stopped = await DriveAsync(host, id, s => s.State == SessionState.Stopped);
        Assert.All(stopped.Steps, s => Assert.Equal(StepStatus.Deleted, s.Status));
    }

    [Fact]
    public async Task Cancel_during_provisioning_deletes_everything_started_and_creates_nothing_more()
    {
        await using var host = await InfraTestHost.CreateAsync(Ct, Durations);
        var id = await LaunchAsync(host);
        await host.RunOnceAsync(Ct);
        await host.RunOnceAsync(Ct);
        Assert.Equal(SessionState.Provisioning, (await host.Store.FindAsync(id, Ct))!.State);

        var cancel = await host.Sessions.StopAsync(Ada, id, Ct);
        var stopped = await DriveAsync(host, id, s => s.State == SessionState.Stopped);

        Assert.StartsWith("Cancelling", cancel.Message, StringComparison.Ordinal);
        Assert.Equal("Cancelled by ada while provisioning.", stopped.StopReason);
        await using var db = await host.CreateDbContextAsync(Ct);
        Assert.All(await db.SandboxResources.AsNoTracking().ToListAsync(Ct), r => Assert.True(r.IsGone || r.DeleteRequestedAt is not null, r.Name));
    }

    [Fact]
    public async Task Retry_after_a_cleaned_up_failure_creates_only_what_was_deleted_with_new_tokens_and_reaches_ready()
    {
        await using var host = await InfraTestHost.CreateAsync(
            Ct, With(("Sandbox:FailStacksContaining", "workers-us-west-2"), ("Sandbox:FailFirstAttemptOnly", "true")));
        var id = await LaunchAsync(host);
        var cleaned = await DriveAsync(host, id, s => s.State == SessionState.Failed && s.HasEnded);
        var costAtFailure = cleaned.CostSoFarUsd(host.Clock.GetUtcNow());

        Assert.Equal(SessionCommandOutcome.Done, (await host.Sessions.RetryAsync(Ada, id, Ct)).Outcome);
        var ready = await DriveAsync(host, id, s => s.State == SessionState.Ready);

        Assert.All(ready.Steps, s => Assert.Equal(2, s.Attempt));
        await using var db = await host.CreateDbContextAsync(Ct);
        var live = await db.SandboxResources.AsNoTracking().Where(r => !r.IsGone && r.DeleteRequestedAt == null).ToListAsync(Ct);
        Assert.Equal(ready.Steps.Count, live.Count);
        Assert.All(live.Where(r => r.Kind == SandboxResourceKind.Stack), r => Assert.EndsWith("-create-2", r.ClientRequestToken, StringComparison.Ordinal));
        Assert.True(ready.CostSoFarUsd(host.Clock.GetUtcNow()) >= costAtFailure);
        Assert.Equal(SessionCommandOutcome.Refused, (await host.Sessions.RetryAsync(Ada, id, Ct)).Outcome);
    }

    [Fact]
    public async Task Retry_without_clean_up_deletes_the_failed_stack_first_and_keeps_the_rest()
    {
        await using var host = await InfraTestHost.CreateAsync(Ct, With(
            ("Sandbox:FailStacksContaining", "workers-us-west-2"), ("Sandbox:FailFirstAttemptOnly", "true"), ("Orchestration:CleanUpFailedSessions", "false")));
        var id = await LaunchAsync(host);
        var failed = await DriveAsync(host, id, s => s.State == SessionState.Failed && s.Steps.All(step => step.Status != StepStatus.InProgress));
        var kept = failed.Steps.Where(s => s.Status == StepStatus.Complete).Select(s => s.ResourceName).ToList();
        Assert.NotEmpty(kept);

        await host.Sessions.RetryAsync(Ada, id, Ct);
        var ready = await DriveAsync(host, id, s => s.State == SessionState.Ready);

        Assert.All(ready.Steps.Where(s => kept.Contains(s.ResourceName)), s => Assert.Equal(1, s.Attempt));
        var retried = ready.Steps.Single(s => s.ResourceName == failed.FailedStep);
        Assert.Equal(2, retried.Attempt);
        await using var db = await host.CreateDbContextAsync(Ct);
        var rows = await db.SandboxResources.AsNoTracking().Where(r => r.Name == retried.ResourceName).OrderBy(r => r.Id).ToListAsync(Ct);
        Assert.Equal(2, rows.Count);
        Assert.True(rows[0].IsGone || rows[0].DeleteRequestedAt is not null);
    }

    [Fact]
    public async Task An_idle_session_is_warned_then_stopped_and_says_why()
    {
        await using var host = await InfraTestHost.CreateAsync(Ct, With(("Orchestration:IdleTimeout", "00:20:00"), ("Orchestration:StopWarning", "00:05:00")));
        var id = await LaunchAsync(host);
        var ready = await DriveAsync(host, id, s => s.State == SessionState.Ready);
        var policy = host.Sessions.Policy;

        host.Clock.Advance(TimeSpan.FromMinutes(16));
        await host.RunOnceAsync(Ct);
        var warned = (await host.Store.FindAsync(id, Ct))!;
        Assert.Equal(SessionState.Ready, warned.State);
        Assert.Equal(AutoStopCause.Idle, warned.NextAutoStop()!.Cause);
        Assert.True(warned.NextAutoStop()!.At - host.Clock.GetUtcNow() <= policy.WarningLead);

        host.Clock.SetUtcNow(ready.ReadyAt!.Value + TimeSpan.FromMinutes(20));
        await host.RunOnceAsync(Ct);
        var stopping = (await host.Store.FindAsync(id, Ct))!;
        Assert.Equal(SessionState.Stopping, stopping.State);
        Assert.Equal("Stopped after 20 minutes idle.", stopping.StopReason);
        Assert.Contains(await host.Store.ListEventsAsync(id, Ct), e => e.Message == "Stopped after 20 minutes idle.");
    }

    [Fact]
    public async Task Extend_and_reported_activity_prevent_the_idle_stop()
    {
        await using var host = await InfraTestHost.CreateAsync(Ct, With(("Orchestration:IdleTimeout", "00:20:00")));
        var id = await LaunchAsync(host);
        await DriveAsync(host, id, s => s.State == SessionState.Ready);

        host.Clock.Advance(TimeSpan.FromMinutes(18));
        Assert.Equal(SessionCommandOutcome.Done, (await host.Sessions.ExtendAsync(Ada, id, SessionExtension.Idle, Ct)).Outcome);
        host.Clock.Advance(TimeSpan.FromMinutes(18));
        await host.RunOnceAsync(Ct);
        Assert.Equal(SessionState.Ready, (await host.Store.FindAsync(id, Ct))!.State);

        // The session's own processes report activity with its token; another token is refused.
        var session = (await host.Store.FindAsync(id, Ct))!;
        var token = host.Services.GetRequiredService<SessionCostTokens>().Issue(session);
        Assert.False(await host.Sessions.ReportActivityAsync(id, "not-the-token", ActivitySource.Scheduler, Ct));
        Assert.True(await host.Sessions.ReportActivityAsync(id, token, ActivitySource.Scheduler, Ct));
        host.Clock.Advance(TimeSpan.FromMinutes(18));
        await host.RunOnceAsync(Ct);
        Assert.Equal(SessionState.Ready, (await host.Store.FindAsync(id, Ct))!.State);

        host.Clock.Advance(TimeSpan.FromMinutes(3));
        await host.RunOnceAsync(Ct);
        Assert.Equal(SessionState.Stopping, (await host.Store.FindAsync(id, Ct))!.State);
    }

    [Fact]
    public async Task The_sandboxs_simulated_compute_reports_activity_while_busy_and_the_session_stops_when_it_is_not()
    {
        await using var host = await InfraTestHost.CreateAsync(Ct, With(("Orchestration:IdleTimeout", "00:20:00")));
        var id = await LaunchAsync(host);
        await DriveAsync(host, id, s => s.State == SessionState.Ready);
        var compute = host.Services.GetRequiredService<SandboxCompute>();

        compute.SetBusy(id, busy: true);
        for (var i = 0; i < 3; i++)
        {
            host.Clock.Advance(TimeSpan.FromMinutes(15));
            await compute.ReportOnceAsync(Ct);
            await host.RunOnceAsync(Ct);
        }

        Assert.Equal(SessionState.Ready, (await host.Store.FindAsync(id, Ct))!.State);
        compute.SetBusy(id, busy: false);
        host.Clock.Advance(TimeSpan.FromMinutes(21));
        await compute.ReportOnceAsync(Ct);
        await host.RunOnceAsync(Ct);
        Assert.Equal(SessionState.Stopping, (await host.Store.FindAsync(id, Ct))!.State);
        Assert.False(compute.IsBusy(id));
    }

    [Fact]
    public async Task The_lifetime_extends_by_hours_within_the_limit_an_admin_sets()
    {
        await using var host = await InfraTestHost.CreateAsync(Ct, With(("Orchestration:MaximumLifetime", "06:00:00")));
        var id = await LaunchAsync(host);
        var launched = (await host.Store.FindAsync(id, Ct))!;

        Assert.Equal(SessionCommandOutcome.Done, (await host.Sessions.ExtendAsync(Ada, id, new SessionExtension(2), Ct)).Outcome);
        var refused = await host.Sessions.ExtendAsync(Ada, id, new SessionExtension(1), Ct);

        Assert.Equal(launched.ExpiresAt.AddHours(2), (await host.Store.FindAsync(id, Ct))!.ExpiresAt);
        Assert.Equal(SessionCommandOutcome.Refused, refused.Outcome);
        Assert.Contains("at most 6 hours", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_configuration_change_after_launch_does_not_change_a_recorded_step()
    {
        var host = await InfraTestHost.CreateAsync(Ct, With(("Launch:DaskImage", "registry.example/dask:1")));
        try
        {
            var id = await LaunchAsync(host);
            host = await host.RestartAsync(Ct, With(("Launch:DaskImage", "registry.example/dask:2"), ("Launch:NotebookInstanceType", "ml.t3.medium")));

            var ready = await DriveAsync(host, id, s => s.State == SessionState.Ready);

            Assert.All(ready.Steps.Where(s => s.Kind != StepKind.Notebook), s => Assert.Equal("registry.example/dask:1", s.Spec.Parameters[SessionStackParameters.Image]));
            await using var db = await host.CreateDbContextAsync(Ct);
            var resources = await db.SandboxResources.AsNoTracking().ToListAsync(Ct);
            Assert.All(resources.Where(r => r.Kind == SandboxResourceKind.Stack), r => Assert.Contains("registry.example/dask:1", r.ParametersJson, StringComparison.Ordinal));
            Assert.Equal(LaunchSettings.Default.NotebookInstanceType, resources.Single(r => r.Kind == SandboxResourceKind.NotebookInstance).Shape);
            // The token reached the notebook instance, and only there: the recorded step keeps the placeholder.
            var notebook = resources.Single(r => r.Kind == SandboxResourceKind.NotebookInstance);
            Assert.DoesNotContain(NotebookWriter.TokenPlaceholder, notebook.DocumentContent, StringComparison.Ordinal);
            // The notebook is kept beside the session, not loaded with it on every pass.
            Assert.Null(ready.Steps.Single(s => s.Kind == StepKind.Notebook).Spec.Document);
            var recorded = await host.Store.FindStepDocumentAsync(id, ready.Steps.Single(s => s.Kind == StepKind.Notebook).ResourceName, Ct);
            Assert.Contains(NotebookWriter.TokenPlaceholder, recorded, StringComparison.Ordinal);
        }
        finally
        {
            await host.DisposeAsync();
        }
    }

    [Fact]
    public async Task Orphan_stacks_and_notebooks_are_reaped_after_the_grace_period_and_live_or_fresh_ones_are_not()
    {
        await using var host = await InfraTestHost.CreateAsync(Ct, With(("Reaper:GracePeriod", "00:30:00")));
        var sandbox = host.Sandbox;
        var usEast1 = RegionCode.Parse("us-east-1");
        var home = RegionCode.Parse("eu-west-2");
        var gone = SessionId.Parse("s-0rphan0000");
        var tags = SessionTags.For(gone, "ada");
        await sandbox.CreateStackAsync(new StackCreateRequest(usEast1, $"portal-{gone}-workers-us-east-1", "SessionWorkers", new Dictionary<string, string>(), tags, "t1"), Ct);
        await sandbox.CreateNotebookInstanceAsync(new NotebookInstanceRequest(home, $"portal-{gone}", "ml.t3.medium", tags, new NotebookDocument("n.ipynb", "{}")), Ct);
        await sandbox.CreateStackAsync(new StackCreateRequest(usEast1, "portal-region-us-east-1", "RegionFoundation", new Dictionary<string, string>(), new Dictionary<string, string> { ["portal-managed"] = "true" }, "t2"), Ct);
        var live = await LaunchAsync(host);
        await DriveAsync(host, live, s => s.State == SessionState.Ready);

        host.Clock.Advance(TimeSpan.FromMinutes(31));
        var fresh = SessionId.Parse("s-fresh00000");
        await sandbox.CreateStackAsync(new StackCreateRequest(usEast1, $"portal-{fresh}-scheduler", "SessionScheduler", new Dictionary<string, string>(), SessionTags.For(fresh, "ada"), "t3"), Ct);
        var reaper = host.Services.GetRequiredService<OrphanReaper>();

        var reaped = await reaper.ReapOnceAsync(Ct);

        Assert.Equal(
            [$"NotebookInstance eu-west-2 portal-{gone}", $"Stack us-east-1 portal-{gone}-workers-us-east-1"],
            reaped.Select(r => $"{r.Kind} {r.Region} {r.Name}").Order(StringComparer.Ordinal));
        Assert.All(reaped, r => Assert.Equal(gone.Value, r.SessionTag));
        Assert.Equal(reaped.Count, (await host.Sessions.ListReapedAsync(Admin, Ct)).Count);
        Assert.Empty(await host.Sessions.ListReapedAsync(Ada, Ct));
        Assert.Equal(SessionState.Ready, (await host.Store.FindAsync(live, Ct))!.State);
        Assert.NotNull(await sandbox.DescribeStackAsync(usEast1, "portal-region-us-east-1", Ct));
        Assert.Equal(StackStatuses.CreateInProgress, (await sandbox.DescribeStackAsync(usEast1, $"portal-{fresh}-scheduler", Ct))?.Status);

        // The notebook is stopped first, then deleted on a later pass, and recorded once.
        host.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Empty(await reaper.ReapOnceAsync(Ct));
        host.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Null(await sandbox.DescribeNotebookInstanceAsync(home, $"portal-{gone}", Ct));
        Assert.Null(await sandbox.DescribeStackAsync(usEast1, $"portal-{gone}-workers-us-east-1", Ct));
    }

    private static void InterceptStacks(IServiceCollection services)
    {
        services.AddSingleton(sp => new InterceptingStackDeployer(sp.GetRequiredService<SandboxCloud>()));
        services.AddSingleton<IStackDeployer>(sp => sp.GetRequiredService<InterceptingStackDeployer>());
    }

    private static async Task<SessionId> LaunchAsync(InfraTestHost host, string? name = null)
    {
        var launched = await host.Sessions.LaunchAsync(Ada, new LaunchCommand(SampleRequests.FirstRun, name, AllowDuplicate: true), Ct);
        Assert.Empty(launched.Errors);
        return launched.SessionId!.Value;
    }

    private static async Task<Session> DriveAsync(InfraTestHost host, SessionId id, Func<Session, bool> done, int maxPasses = 100) =>
        (await SessionDriving.DriveAsync(host, id, done, Tick, Ct, maxPasses))[^1];
}
