using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Cloud;
using Portal.Domain.Regions;
using Portal.Domain.Sessions;
using Portal.Infra.Sandbox;
using Portal.Infra.Tests.Support;

namespace Portal.Infra.Tests.Orchestration;

public sealed class SessionOrchestratorTests
{
    private static readonly Actor Ada = new("ada", isAdmin: false);
    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan SchedulerDuration = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan WorkersDuration = TimeSpan.FromSeconds(9);

    /// <summary>The scheduler finishes well before the workers, so "the notebook waits for every stack" can be seen.</summary>
    private static readonly Dictionary<string, string?> Durations = new()
    {
        ["Sandbox:StackCreateDurations:SessionScheduler"] = SchedulerDuration.ToString(),
        ["Sandbox:StackCreateDurations:SessionWorkers"] = WorkersDuration.ToString(),
        ["Sandbox:StackDeleteDuration"] = "00:00:04",
        ["Sandbox:NotebookCreateDuration"] = "00:00:03",
        ["Sandbox:NotebookStopDuration"] = "00:00:02",
    };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Drives_a_launched_session_through_every_step_at_once_to_ready_when_the_longest_is_done()
    {
        await using var host = await InfraTestHost.CreateAsync(Ct, Durations);
        var id = await LaunchAsync(host);

        var seen = await DriveAsync(host, id, s => s.State == SessionState.Ready);

        // The scheduler's address is in the plan, so the notebook starts with the stacks: every step in the first pass.
        Assert.Equal(SessionState.Provisioning, seen[0].State);
        Assert.All(seen[0].Steps, s => Assert.Equal(StepStatus.InProgress, s.Status));
        var schedulerDoneWorkersNot = seen.FindIndex(s =>
            s.Steps.Single(step => step.Kind == StepKind.Scheduler).Status == StepStatus.Complete
            && s.Steps.Any(step => step.Kind == StepKind.Workers && step.Status == StepStatus.InProgress));
        Assert.InRange(schedulerDoneWorkersNot, 2, seen.Count - 2);

        var ready = seen[^1];
        Assert.All(ready.Steps, s => Assert.Equal(StepStatus.Complete, s.Status));
        Assert.All(Stacks(ready), s => Assert.Equal(StackStatuses.CreateComplete, s.ProviderStatus));
        Assert.Equal(NotebookStatuses.InService, Notebook(ready).ProviderStatus);
        Assert.Equal(host.Clock.GetUtcNow(), ready.ReadyAt);

        // Time to Ready is the longest step (the workers), not the sum: the passes tick one second each.
        var started = ready.ProvisioningStartedAt!.Value;
        Assert.InRange(ready.ReadyAt!.Value - started, WorkersDuration, WorkersDuration + (3 * Tick));
        var resources = await ResourcesAsync(host);
        Assert.Single(resources.Select(r => r.CreatedAt).Distinct());
    }

    [Fact]
    public async Task Stack_events_reach_the_sessions_timeline_once_each_in_the_order_they_happened()
    {
        await using var host = await InfraTestHost.CreateAsync(Ct, Durations);
        var id = await LaunchAsync(host);

        var ready = (await DriveAsync(host, id, s => s.State == SessionState.Ready))[^1];
        await host.RunOnceAsync(Ct);

        var events = await host.Store.ListEventsAsync(id, Ct);
        Assert.Equal(events.OrderBy(e => e.At).Select(e => e.At), events.Select(e => e.At));
        foreach (var step in Stacks(ready))
        {
            var cloudEvents = await host.Sandbox.DescribeStackEventsAsync(step.Region, step.ResourceName, Ct);
            var stored = events.Where(e => e.ExternalId is not null && e.ResourceName == step.ResourceName).ToList();
            Assert.Equal(cloudEvents.Select(e => e.EventId).Reverse(), stored.Select(e => e.ExternalId));
            Assert.All(stored, e => Assert.Equal(step.Region, e.Region));
            Assert.StartsWith($"{step.ResourceName} (AWS::CloudFormation::Stack) CREATE_IN_PROGRESS: User Initiated", stored[0].Message, StringComparison.Ordinal);
            Assert.Equal($"{step.ResourceName} (AWS::CloudFormation::Stack) CREATE_COMPLETE", stored[^1].Message);
        }

        var milestones = events.Where(e => e.ExternalId is null).Select(e => e.Message).ToList();
        Assert.StartsWith("Launched by ada", milestones[0], StringComparison.Ordinal);
        Assert.Equal("Provisioning started.", milestones[1]);
        var firstStackComplete = milestones.FindIndex(m => m.StartsWith("Stack ", StringComparison.Ordinal) && m.EndsWith(" is CREATE_COMPLETE.", StringComparison.Ordinal));
        var notebookCreating = milestones.FindIndex(m => m.StartsWith("Creating Notebook instance", StringComparison.Ordinal));
        Assert.InRange(notebookCreating, 2, firstStackComplete - 1);
        Assert.Equal("Session is ready: open the notebook.", milestones[^1]);
    }

    [Fact]
    public async Task Stop_deletes_every_stack_and_the_notebook_then_the_session_is_stopped()
    {
        await using var host = await InfraTestHost.CreateAsync(Ct, Durations);
        var id = await LaunchAsync(host);
        await DriveAsync(host, id, s => s.State == SessionState.Ready);

        Assert.Equal(SessionCommandOutcome.Done, (await host.Sessions.StopAsync(Ada, id, Ct)).Outcome);
        var seen = await DriveAsync(host, id, s => s.State == SessionState.Stopped);

        var stopped = seen[^1];
        Assert.All(stopped.Steps, s => Assert.Equal(StepStatus.Deleted, s.Status));
        Assert.NotNull(stopped.EndedAt);
        Assert.Contains(seen, s => Stacks(s).All(step => step.ProviderStatus == StackStatuses.DeleteInProgress));
        var notebookStatuses = seen.Select(s => Notebook(s).ProviderStatus).Distinct().ToList();
        Assert.Equal([NotebookStatuses.Stopping, NotebookStatuses.Deleting, "Deleted"], notebookStatuses);
        Assert.All(Stacks(stopped), step => Assert.Equal(StackStatuses.DeleteComplete, step.ProviderStatus));
        Assert.Empty(await LiveResourcesAsync(host));
        Assert.Empty(await host.Store.ListNeedingWorkAsync(host.Clock.GetUtcNow(), Ct));
        Assert.Equal("Session stopped: every resource is deleted.", (await host.Store.ListEventsAsync(id, Ct))[^1].Message);
    }

    [Fact]
    public async Task A_failing_workers_stack_fails_the_session_at_once_is_followed_to_its_end_then_everything_is_deleted_and_the_cost_stops()
    {
        await using var host = await InfraTestHost.CreateAsync(Ct, new Dictionary<string, string?>(Durations)
        {
            ["Sandbox:FailStacksContaining"] = "workers-us-west-2",
        });
        var id = await LaunchAsync(host);

        // The session fails as soon as the stack starts rolling back; the stack is followed to its terminal state.
        var failing = (await DriveAsync(host, id, s => s.State == SessionState.Failed))[^1];
        var workers = failing.Steps.Single(s => s.Region == RegionCode.Parse("us-west-2"));
        Assert.Equal(workers.ResourceName, failing.FailedStep);
        Assert.Equal(StepStatus.InProgress, workers.Status);
        Assert.Equal(StackStatuses.RollbackInProgress, workers.ProviderStatus);
        Assert.StartsWith($"Stack {workers.ResourceName} in us-west-2 failed (ROLLBACK_IN_PROGRESS): Resource handler returned message: \"WorkerService did not stabilize", failing.FailureReason, StringComparison.Ordinal);

        var rolledBack = (await DriveAsync(host, id, s => s.Step(workers.ResourceName).Status != StepStatus.InProgress))[^1];
        Assert.Equal(StackStatuses.RollbackComplete, rolledBack.Step(workers.ResourceName).ProviderStatus);

        // Then everything the session created is deleted by itself, and the cost stops when it is gone.
        var cleaned = (await DriveAsync(host, id, s => s.HasEnded))[^1];
        Assert.Equal(SessionState.Failed, cleaned.State);
        Assert.All(cleaned.Steps, s => Assert.Equal(StepStatus.Deleted, s.Status));
        Assert.Empty(await LiveResourcesAsync(host));
        var cost = cleaned.CostSoFarUsd(host.Clock.GetUtcNow());
        Assert.Equal(cost, cleaned.CostSoFarUsd(host.Clock.GetUtcNow().AddHours(5)));
        Assert.Empty(await host.Store.ListNeedingWorkAsync(host.Clock.GetUtcNow().AddHours(10), Ct));
        var events = await host.Store.ListEventsAsync(id, Ct);
        Assert.Contains(events, e => e.Message.StartsWith("Clean-up finished", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Without_clean_up_a_failed_session_keeps_what_it_created_until_stopped()
    {
        await using var host = await InfraTestHost.CreateAsync(Ct, new Dictionary<string, string?>(Durations)
        {
            ["Sandbox:FailStacksContaining"] = "workers-us-west-2",
            ["Orchestration:CleanUpFailedSessions"] = "false",
        });
        var id = await LaunchAsync(host);
        var settled = (await DriveAsync(host, id, s => s.State == SessionState.Failed && s.Steps.All(step => step.Status is StepStatus.Complete or StepStatus.Failed)))[^1];

        Assert.True(settled.CostSoFarUsd(host.Clock.GetUtcNow().AddHours(1)) > settled.CostSoFarUsd(host.Clock.GetUtcNow()));
        host.Clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Empty(await host.Store.ListNeedingWorkAsync(host.Clock.GetUtcNow(), Ct));
        Assert.NotEmpty(await LiveResourcesAsync(host));
    }

    [Fact]
    public async Task A_failed_session_nobody_stops_is_cleaned_up_when_its_maximum_lifetime_has_passed()
    {
        await using var host = await InfraTestHost.CreateAsync(Ct, new Dictionary<string, string?>(Durations)
        {
            ["Sandbox:FailStacksContaining"] = "workers-us-west-2",
            ["Orchestration:CleanUpFailedSessions"] = "false",
        });
        var id = await LaunchAsync(host);
        var failed = (await DriveAsync(host, id, s => s.State == SessionState.Failed && s.Steps.All(step => step.Status != StepStatus.InProgress)))[^1];
        Assert.NotEmpty(await LiveResourcesAsync(host));

        host.Clock.SetUtcNow(failed.ExpiresAt);
        await host.RunOnceAsync(Ct);
        Assert.Equal(SessionState.Stopping, (await host.Store.FindAsync(id, Ct))?.State);

        var stopped = (await DriveAsync(host, id, s => s.State == SessionState.Stopped))[^1];
        Assert.All(stopped.Steps, s => Assert.Equal(StepStatus.Deleted, s.Status));
        Assert.Empty(await LiveResourcesAsync(host));
    }

    [Fact]
    public async Task Stopping_a_failed_session_removes_what_it_had_created()
    {
        await using var host = await InfraTestHost.CreateAsync(Ct, new Dictionary<string, string?>(Durations)
        {
            ["Sandbox:FailStacksContaining"] = "workers-us-west-2",
        });
        var id = await LaunchAsync(host);
        await DriveAsync(host, id, s => s.State == SessionState.Failed);

        Assert.Equal(SessionCommandOutcome.Done, (await host.Sessions.StopAsync(Ada, id, Ct)).Outcome);
        var stopped = (await DriveAsync(host, id, s => s.State == SessionState.Stopped))[^1];

        Assert.All(stopped.Steps, s => Assert.Equal(StepStatus.Deleted, s.Status));
        Assert.Empty(await LiveResourcesAsync(host));
    }

    [Fact]
    public async Task A_ready_session_is_stopped_once_its_maximum_lifetime_has_passed()
    {
        await using var host = await InfraTestHost.CreateAsync(Ct, new Dictionary<string, string?>(Durations) { ["Orchestration:IdleTimeout"] = "7.00:00:00" });
        var id = await LaunchAsync(host);
        var ready = (await DriveAsync(host, id, s => s.State == SessionState.Ready))[^1];
        Assert.Equal(ready.CreatedAt.AddHours(SampleRequests.FirstRun.MaximumHours), ready.ExpiresAt);

        host.Clock.SetUtcNow(ready.ExpiresAt - Tick);
        await host.RunOnceAsync(Ct);
        Assert.Equal(SessionState.Ready, (await host.Store.FindAsync(id, Ct))?.State);

        host.Clock.Advance(Tick);
        await host.RunOnceAsync(Ct);
        var expired = await host.Store.FindAsync(id, Ct);
        Assert.Equal(SessionState.Stopping, expired?.State);
        Assert.Equal(ready.ExpiresAt, expired?.StopRequestedAt);
        Assert.Contains(await host.Store.ListEventsAsync(id, Ct), e => e.Message == "Stopped after its maximum lifetime of 4 h.");

        var stopped = (await DriveAsync(host, id, s => s.State == SessionState.Stopped))[^1];
        Assert.All(stopped.Steps, s => Assert.Equal(StepStatus.Deleted, s.Status));
        Assert.Empty(await LiveResourcesAsync(host));
    }

    [Fact]
    public async Task A_restarted_portal_carries_on_where_the_last_one_stopped_without_duplicate_stacks()
    {
        var host = await InfraTestHost.CreateAsync(Ct, Durations);
        try
        {
            var id = await LaunchAsync(host);
            var halfway = await DriveAsync(host, id, s => Stacks(s).All(step => step.Status == StepStatus.InProgress));
            Assert.Equal(SessionState.Provisioning, halfway[^1].State);

            host = await host.RestartAsync(Ct);
            var ready = (await DriveAsync(host, id, s => s.State == SessionState.Ready))[^1];

            Assert.All(ready.Steps, s => Assert.Equal(StepStatus.Complete, s.Status));
            AssertOneResourcePerName(await ResourcesAsync(host), ready);
            Assert.DoesNotContain(await host.Store.ListEventsAsync(id, Ct), e => e.Message.Contains("already exists", StringComparison.Ordinal));
        }
        finally
        {
            await host.DisposeAsync();
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_portal_that_died_while_creating_a_stack_creates_or_follows_it_after_restart(bool cloudHadAccepted)
    {
        var host = await InfraTestHost.CreateAsync(Ct, Durations, InterceptStacks);
        try
        {
            var id = await LaunchAsync(host);
            var deployer = host.Services.GetRequiredService<InterceptingStackDeployer>();
            Func<StackCreateRequest, Task> die = request => request.StackName.EndsWith("workers-us-east-1", StringComparison.Ordinal)
                ? throw new IOException("The portal process died.")
                : Task.CompletedTask;
            deployer.BeforeCreate = cloudHadAccepted ? null : die;
            deployer.AfterCreate = cloudHadAccepted ? die : null;
            await host.RunOnceAsync(Ct);
            await host.RunOnceAsync(Ct);
            var beforeRestart = await host.Store.FindAsync(id, Ct);
            var interrupted = beforeRestart!.Steps.Single(s => s.Region == RegionCode.Parse("us-east-1"));
            Assert.Equal(StepStatus.InProgress, interrupted.Status);
            Assert.Equal(cloudHadAccepted, await host.Sandbox.DescribeStackAsync(interrupted.Region, interrupted.ResourceName, Ct) is not null);

            host = await host.RestartAsync(Ct, configureServices: _ => { });
            var ready = (await DriveAsync(host, id, s => s.State == SessionState.Ready))[^1];

            Assert.All(ready.Steps, s => Assert.Equal(StepStatus.Complete, s.Status));
            AssertOneResourcePerName(await ResourcesAsync(host), ready);
        }
        finally
        {
            await host.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_portal_that_died_before_asking_for_the_notebook_creates_it_after_restart()
    {
        var host = await InfraTestHost.CreateAsync(Ct, Durations, InterceptNotebooks);
        try
        {
            var id = await LaunchAsync(host);
            host.Services.GetRequiredService<InterceptingNotebookService>().BeforeCreate = _ => throw new IOException("The portal process died.");
            var interrupted = (await DriveAsync(host, id, s => Notebook(s).Status == StepStatus.InProgress))[^1];
            Assert.Null(await host.Sandbox.DescribeNotebookInstanceAsync(Notebook(interrupted).Region, Notebook(interrupted).ResourceName, Ct));

            host = await host.RestartAsync(Ct, configureServices: _ => { });
            var ready = (await DriveAsync(host, id, s => s.State == SessionState.Ready))[^1];

            Assert.Equal(NotebookStatuses.InService, Notebook(ready).ProviderStatus);
            AssertOneResourcePerName(await ResourcesAsync(host), ready);
        }
        finally
        {
            await host.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_create_the_cloud_refuses_fails_the_step_with_the_clouds_message()
    {
        const string Refusal = "Limit on the number of stacks reached: delete unused stacks or ask for a higher limit.";
        await using var host = await InfraTestHost.CreateAsync(Ct, Durations, InterceptStacks);
        host.Services.GetRequiredService<InterceptingStackDeployer>().BeforeCreate = request =>
            request.StackName.EndsWith("workers-us-east-1", StringComparison.Ordinal)
                ? throw new CloudOperationException("LimitExceededException", Refusal)
                : Task.CompletedTask;
        var id = await LaunchAsync(host);

        var failed = (await DriveAsync(host, id, s => s.State == SessionState.Failed))[^1];

        var refused = failed.Steps.Single(s => s.Region == RegionCode.Parse("us-east-1"));
        Assert.Equal(StepStatus.Failed, refused.Status);
        var reason = $"Stack {refused.ResourceName} in us-east-1 failed: {Refusal}";
        Assert.Equal(reason, refused.Message);
        Assert.Equal(refused.ResourceName, failed.FailedStep);
        Assert.Equal(reason, failed.FailureReason);
        Assert.Contains(await host.Store.ListEventsAsync(id, Ct), e => e.Message == reason && e.ResourceName == refused.ResourceName);
        Assert.Null(await host.Sandbox.DescribeStackAsync(refused.Region, refused.ResourceName, Ct));
        // Steps after the refused one in the same pass are not started once the session has failed.
        Assert.Equal(StepStatus.Pending, failed.Steps.Single(s => s.Region == RegionCode.Parse("us-west-2")).Status);
    }

    [Fact]
    public async Task Two_portal_instances_driving_the_same_session_create_each_stack_once()
    {
        await using var host = await InfraTestHost.CreateAsync(Ct, Durations, InterceptStacks);
        var deployer = host.Services.GetRequiredService<InterceptingStackDeployer>();
        var id = await LaunchAsync(host);
        await host.RunOnceAsync(Ct);

        // The passes read the session with every stack pending; only the one whose "started" record is saved creates
        // from there. (A pass that finds a started stack not visible yet repeats the create with the same token, which
        // the cloud treats as the same request.)
        await Task.WhenAll(host.RunOnceAsync(Ct), host.RunOnceAsync(Ct), host.RunOnceAsync(Ct));

        var session = (await host.Store.FindAsync(id, Ct))!;
        Assert.All(session.Steps, step => Assert.Equal(StepStatus.InProgress, step.Status));
        Assert.InRange(deployer.CreateCalls, Stacks(session).Count(), 2 * Stacks(session).Count());
        var resources = await ResourcesAsync(host);
        Assert.Equal(session.Steps.Select(step => step.ResourceName).Order(), resources.Select(r => r.Name).Order());
        var events = await host.Store.ListEventsAsync(id, Ct);
        Assert.DoesNotContain(events, e => e.Message.Contains("already exists", StringComparison.Ordinal));
        Assert.All(Stacks(session), step => Assert.Single(events, e => e.Message == $"Creating Stack {step.ResourceName}."));
    }

    [Fact]
    public async Task A_delete_that_failed_is_asked_again_with_a_new_token()
    {
        await using var host = await InfraTestHost.CreateAsync(Ct, Durations, InterceptStacks);
        var deployer = host.Services.GetRequiredService<InterceptingStackDeployer>();
        var id = await LaunchAsync(host);
        var ready = (await DriveAsync(host, id, s => s.State == SessionState.Ready))[^1];
        var scheduler = Stacks(ready).Single(s => s.Kind == StepKind.Scheduler).ResourceName;
        var failedOnce = false;
        deployer.AfterDescribe = (name, description) =>
        {
            if (name != scheduler || failedOnce || deployer.Deletes.Count(d => d.StackName == scheduler) != 1 || description is null)
            {
                return description;
            }

            failedOnce = true;
            return description with { Status = StackStatuses.DeleteFailed, StatusReason = "The following resource(s) failed to delete: [SchedulerSecurityGroup]." };
        };

        await host.Sessions.StopAsync(Ada, id, Ct);
        var stopped = (await DriveAsync(host, id, s => s.State == SessionState.Stopped))[^1];

        var tokens = deployer.Deletes.Where(d => d.StackName == scheduler).Select(d => d.Token).ToList();
        Assert.True(failedOnce);
        Assert.Equal(2, tokens.Count);
        Assert.Equal(scheduler + "-delete", tokens[0]);
        Assert.StartsWith(scheduler + "-delete-", tokens[1], StringComparison.Ordinal);
        Assert.All(stopped.Steps, s => Assert.Equal(StepStatus.Deleted, s.Status));
    }

    [Fact]
    public async Task A_stop_that_lands_while_a_stack_is_being_created_still_deletes_that_stack()
    {
        await using var host = await InfraTestHost.CreateAsync(Ct, Durations, InterceptStacks);
        var id = await LaunchAsync(host);
        var deployer = host.Services.GetRequiredService<InterceptingStackDeployer>();
        var stopped = false;
        deployer.AfterCreate = async request =>
        {
            if (!stopped && request.StackName.EndsWith("scheduler", StringComparison.Ordinal))
            {
                stopped = true;
                Assert.Equal(SessionCommandOutcome.Done, (await host.Sessions.StopAsync(Ada, id, Ct)).Outcome);
            }
        };

        var final = (await DriveAsync(host, id, s => s.State == SessionState.Stopped))[^1];

        Assert.True(stopped);
        Assert.All(final.Steps, s => Assert.Equal(StepStatus.Deleted, s.Status));
        Assert.Empty(await LiveResourcesAsync(host));
    }

    [Fact]
    public async Task A_stop_that_lands_while_the_notebook_is_being_created_still_deletes_the_notebook()
    {
        await using var host = await InfraTestHost.CreateAsync(Ct, Durations, InterceptNotebooks);
        var id = await LaunchAsync(host);
        var stopped = false;
        host.Services.GetRequiredService<InterceptingNotebookService>().AfterCreate = async _ =>
        {
            stopped = true;
            Assert.Equal(SessionCommandOutcome.Done, (await host.Sessions.StopAsync(Ada, id, Ct)).Outcome);
        };

        var final = (await DriveAsync(host, id, s => s.State == SessionState.Stopped))[^1];

        Assert.True(stopped);
        Assert.All(final.Steps, s => Assert.Equal(StepStatus.Deleted, s.Status));
        Assert.Empty(await LiveResourcesAsync(host));
    }

    private static void InterceptNotebooks(IServiceCollection services)
    {
        services.AddSingleton(sp => new InterceptingNotebookService(sp.GetRequiredService<SandboxCloud>()));
        services.AddSingleton<INotebookService>(sp => sp.GetRequiredService<InterceptingNotebookService>());
    }

    private static void InterceptStacks(IServiceCollection services)
    {
        services.AddSingleton(sp => new InterceptingStackDeployer(sp.GetRequiredService<SandboxCloud>()));
        services.AddSingleton<IStackDeployer>(sp => sp.GetRequiredService<InterceptingStackDeployer>());
    }

    private static async Task<SessionId> LaunchAsync(InfraTestHost host)
    {
        var launched = await host.Sessions.LaunchAsync(Ada, SampleRequests.FirstRun, Ct);
        Assert.Empty(launched.Errors);
        return launched.SessionId!.Value;
    }

    private static Task<List<Session>> DriveAsync(InfraTestHost host, SessionId id, Func<Session, bool> done, int maxPasses = 100) =>
        SessionDriving.DriveAsync(host, id, done, Tick, Ct, maxPasses);

    private static IEnumerable<SessionStep> Stacks(Session session) => session.Steps.Where(s => s.Kind != StepKind.Notebook);

    private static SessionStep Notebook(Session session) => session.Steps.Single(s => s.Kind == StepKind.Notebook);

    private static async Task<List<SandboxResource>> ResourcesAsync(InfraTestHost host)
    {
        await using var db = await host.CreateDbContextAsync(Ct);
        return await db.SandboxResources.AsNoTracking().OrderBy(r => r.Id).ToListAsync(Ct);
    }

    /// <summary>Every resource the sandbox still answers for (asking also retires the ones whose delete has finished).</summary>
    private static async Task<List<string>> LiveResourcesAsync(InfraTestHost host)
    {
        var live = new List<string>();
        foreach (var resource in await ResourcesAsync(host))
        {
            var region = RegionCode.Parse(resource.Region);
            var exists = resource.Kind == SandboxResourceKind.Stack
                ? await host.Sandbox.DescribeStackAsync(region, resource.Name, Ct) is not null
                : await host.Sandbox.DescribeNotebookInstanceAsync(region, resource.Name, Ct) is not null;
            if (exists)
            {
                live.Add($"{resource.Kind} {resource.Region} {resource.Name}");
            }
        }

        return live;
    }

    private static void AssertOneResourcePerName(List<SandboxResource> resources, Session session)
    {
        Assert.Equal(
            session.Steps.Select(s => $"{s.Region} {s.ResourceName}").Order(StringComparer.Ordinal),
            resources.Select(r => $"{r.Region} {r.Name}").Order(StringComparer.Ordinal));
        Assert.All(resources, r => Assert.False(r.IsGone));
    }
}
