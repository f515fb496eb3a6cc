using Microsoft.Extensions.Logging;
using Portal.Domain;
using Portal.Domain.Cloud;
using Portal.Domain.LaunchPlans;
using Portal.Domain.Sessions;
using Portal.Infra.Notebooks;

namespace Portal.Infra.Orchestration;

/// <summary>
/// Moves one session one pass forward from what is stored and what the cloud reports. Every call it makes is
/// idempotent (create tokens, "already exists" accepted, delete of a missing resource succeeds), so a pass
/// interrupted by a restart is simply run again.
/// </summary>
internal sealed partial class SessionOrchestrator(
    ISessionStore store,
    IStackDeployer stacks,
    INotebookService notebooks,
    LaunchPlanner planner,
    NotebookWriter notebookWriter,
    PortalUrls urls,
    SessionChangeNotifier notifier,
    TimeProvider clock,
    ILogger<SessionOrchestrator> logger)
{
    public async Task DriveAsync(SessionId id, CancellationToken cancellationToken)
    {
        var session = await store.FindAsync(id, cancellationToken);
        if (session is null)
        {
            return;
        }

        var now = clock.GetUtcNow();
        if (session.IsExpired(now))
        {
            LogExpired(id.Value, session.Request.MaximumHours);
            await ChangeAsync(session, s => s.RequestStop(now),
                $"Maximum lifetime of {session.Request.MaximumHours} h reached: stopping the session.", cancellationToken);
            return;
        }

        switch (session.State)
        {
            case SessionState.Requested:
                await ChangeAsync(session, s => s.BeginProvisioning(now), "Provisioning started.", cancellationToken);
                break;
            case SessionState.Provisioning:
                await ProvisionAsync(session, cancellationToken);
                break;
            case SessionState.Stopping:
                await TearDownAsync(session, cancellationToken);
                break;
            default:
                break;
        }
    }

    private async Task ProvisionAsync(Session session, CancellationToken cancellationToken)
    {
        var plan = planner.Plan(session.Id, session.Request);
        foreach (var spec in plan.Stacks)
        {
            if (!await AdvanceStackAsync(session, spec, cancellationToken))
            {
                return;
            }
        }

        var stacksDone = plan.Stacks.All(spec => session.Step(spec.StackName).Status == StepStatus.Complete);
        if (stacksDone && !await AdvanceNotebookAsync(session, plan, cancellationToken))
        {
            return;
        }

        if (session.Steps.All(s => s.Status == StepStatus.Complete))
        {
            var now = clock.GetUtcNow();
            await ChangeAsync(session, s => s.MarkReady(now), "Session is ready: open the notebook.", cancellationToken);
        }
    }

    /// <returns>False when the session failed and provisioning must stop.</returns>
    private async Task<bool> AdvanceStackAsync(Session session, StackSpec spec, CancellationToken cancellationToken)
    {
        var step = session.Step(spec.StackName);
        try
        {
            if (step.Status == StepStatus.Pending)
            {
                // The step is recorded as started before the cloud is asked: a stop that lands while the create is in
                // flight then finds it in progress and deletes the stack, instead of forgetting a step still pending.
                var now = clock.GetUtcNow();
                session = await ChangeAsync(session, s => s.StartStep(spec.StackName, now), $"Creating stack {spec.StackName}.",
                    cancellationToken, spec.StackName, spec.Region);
                if (session.State != SessionState.Provisioning)
                {
                    return false;
                }

                var outcome = await stacks.CreateStackAsync(
                    new StackCreateRequest(spec.Region, spec.StackName, spec.Template, spec.Parameters, SessionTags.For(session), spec.StackName + "-create"),
                    cancellationToken);
                if (outcome.AlreadyExisted)
                {
                    await store.AppendEventsAsync(
                        [new SessionEvent(session.Id, clock.GetUtcNow(), spec.StackName, spec.Region, $"Stack {spec.StackName} already exists; following it.")],
                        cancellationToken);
                }

                return true;
            }

            if (step.Status != StepStatus.InProgress)
            {
                return step.Status != StepStatus.Failed;
            }

            var description = await stacks.DescribeStackAsync(spec.Region, spec.StackName, cancellationToken);
            if (description is null)
            {
                // Not visible yet (eventual consistency), or the portal stopped between recording the step and asking
                // the cloud: create again, idempotently.
                await stacks.CreateStackAsync(
                    new StackCreateRequest(spec.Region, spec.StackName, spec.Template, spec.Parameters, SessionTags.For(session), spec.StackName + "-create"),
                    cancellationToken);
                return true;
            }

            var events = await stacks.DescribeStackEventsAsync(spec.Region, spec.StackName, cancellationToken);
            await AppendStackEventsAsync(session, spec, events, cancellationToken);
            var at = clock.GetUtcNow();
            if (StackStatuses.IsCreated(description.Status))
            {
                await ChangeAsync(session, s =>
                {
                    s.ObserveStep(spec.StackName, description.Status, null);
                    s.CompleteStep(spec.StackName, at);
                }, $"Stack {spec.StackName} is {description.Status}.", cancellationToken, spec.StackName, spec.Region);
                return true;
            }

            if (StackStatuses.IsCreateFailed(description.Status))
            {
                var reason = events.LastOrDefault(e => e.ResourceStatus == StackStatuses.CreateFailed)?.ResourceStatusReason
                             ?? description.StatusReason
                             ?? description.Status;
                await ChangeAsync(session, s =>
                {
                    s.ObserveStep(spec.StackName, description.Status, reason);
                    s.FailStep(spec.StackName, $"Stack {spec.StackName} in {spec.Region} failed: {reason}", at);
                }, $"Stack {spec.StackName} failed: {reason}", cancellationToken, spec.StackName, spec.Region);
                return false;
            }

            if (step.ProviderStatus != description.Status)
            {
                await ChangeAsync(session, s => s.ObserveStep(spec.StackName, description.Status, description.StatusReason), null, cancellationToken);
            }

            return true;
        }
        catch (CloudOperationException ex)
        {
            var at = clock.GetUtcNow();
            LogStepFailed(ex, session.Id.Value, spec.StackName, ex.ErrorCode);
            await ChangeAsync(session, s =>
            {
                if (s.Step(spec.StackName).Status == StepStatus.Pending)
                {
                    s.StartStep(spec.StackName, at);
                }

                s.FailStep(spec.StackName, ex.Message, at);
            }, ex.Message, cancellationToken, spec.StackName, spec.Region);
            return false;
        }
    }

    /// <returns>False when the session failed.</returns>
    private async Task<bool> AdvanceNotebookAsync(Session session, LaunchPlan plan, CancellationToken cancellationToken)
    {
        var spec = plan.Notebook;
        var step = session.Step(spec.InstanceName);
        NotebookInstanceRequest CreateRequest() => new(
            spec.Region, spec.InstanceName, spec.InstanceType, SessionTags.For(session), notebookWriter.Write(session, plan, urls.BaseUri));
        try
        {
            if (step.Status == StepStatus.Pending)
            {
                // Started before the cloud is asked, as for stacks: a stop in between then stops and deletes the instance.
                var now = clock.GetUtcNow();
                session = await ChangeAsync(session, s => s.StartStep(spec.InstanceName, now),
                    $"Creating notebook instance {spec.InstanceName} ({spec.InstanceType}).", cancellationToken, spec.InstanceName, spec.Region);
                if (session.State != SessionState.Provisioning)
                {
                    return false;
                }

                var outcome = await notebooks.CreateNotebookInstanceAsync(CreateRequest(), cancellationToken);
                if (outcome.AlreadyExisted)
                {
                    await store.AppendEventsAsync(
                        [new SessionEvent(session.Id, clock.GetUtcNow(), spec.InstanceName, spec.Region, $"Notebook instance {spec.InstanceName} already exists; following it.")],
                        cancellationToken);
                }

                return true;
            }

            if (step.Status != StepStatus.InProgress)
            {
                return step.Status != StepStatus.Failed;
            }

            var description = await notebooks.DescribeNotebookInstanceAsync(spec.Region, spec.InstanceName, cancellationToken);
            if (description is null)
            {
                // As for stacks: not visible yet, or never asked for because the portal stopped in between.
                await notebooks.CreateNotebookInstanceAsync(CreateRequest(), cancellationToken);
                return true;
            }

            var at = clock.GetUtcNow();
            switch (description.Status)
            {
                case NotebookStatuses.InService:
                    await ChangeAsync(session, s =>
                    {
                        s.ObserveStep(spec.InstanceName, description.Status, null);
                        s.CompleteStep(spec.InstanceName, at);
                    }, $"Notebook instance {spec.InstanceName} is InService.", cancellationToken, spec.InstanceName, spec.Region);
                    return true;
                case NotebookStatuses.Failed:
                    var reason = description.FailureReason ?? "SageMaker reported the notebook instance as Failed.";
                    await ChangeAsync(session, s => s.FailStep(spec.InstanceName, $"Notebook instance {spec.InstanceName} failed: {reason}", at),
                        $"Notebook instance {spec.InstanceName} failed: {reason}", cancellationToken, spec.InstanceName, spec.Region);
                    return false;
                case { } status when status != step.ProviderStatus:
                    await ChangeAsync(session, s => s.ObserveStep(spec.InstanceName, status, null),
                        $"Notebook instance {spec.InstanceName} is {status}.", cancellationToken, spec.InstanceName, spec.Region);
                    return true;
                default:
                    return true;
            }
        }
        catch (CloudOperationException ex)
        {
            var at = clock.GetUtcNow();
            LogStepFailed(ex, session.Id.Value, spec.InstanceName, ex.ErrorCode);
            await ChangeAsync(session, s =>
            {
                if (s.Step(spec.InstanceName).Status == StepStatus.Pending)
                {
                    s.StartStep(spec.InstanceName, at);
                }

                s.FailStep(spec.InstanceName, ex.Message, at);
            }, ex.Message, cancellationToken, spec.InstanceName, spec.Region);
            return false;
        }
    }

    private async Task TearDownAsync(Session session, CancellationToken cancellationToken)
    {
        foreach (var step in session.Steps.Where(s => s.Status == StepStatus.Deleting).ToList())
        {
            try
            {
                var deleted = step.Kind == StepKind.Notebook
                    ? await TearDownNotebookAsync(session, step, cancellationToken)
                    : await TearDownStackAsync(session, step, cancellationToken);
                if (deleted)
                {
                    var now = clock.GetUtcNow();
                    session = await ChangeAsync(session, s => s.MarkStepDeleted(step.ResourceName, now),
                        $"{step.ResourceName} deleted.", cancellationToken, step.ResourceName, step.Region);
                }
            }
            catch (CloudOperationException ex)
            {
                // Keep trying on the next pass; say why on the timeline once.
                LogTearDownProblem(ex, session.Id.Value, step.ResourceName, ex.ErrorCode);
                if (step.Message != ex.Message)
                {
                    session = await ChangeAsync(session, s => s.ObserveStep(step.ResourceName, step.ProviderStatus ?? "DELETE_PENDING", ex.Message),
                        $"Deleting {step.ResourceName}: {ex.Message}", cancellationToken, step.ResourceName, step.Region);
                }
            }
        }

        if (session.Steps.All(s => s.Status == StepStatus.Deleted))
        {
            var now = clock.GetUtcNow();
            await ChangeAsync(session, s => s.MarkStopped(now), "Session stopped: every resource is deleted.", cancellationToken);
        }
    }

    /// <returns>True once the stack is gone.</returns>
    private async Task<bool> TearDownStackAsync(Session session, SessionStep step, CancellationToken cancellationToken)
    {
        var description = await stacks.DescribeStackAsync(step.Region, step.ResourceName, cancellationToken);
        if (description is null || StackStatuses.IsDeleted(description.Status))
        {
            return true;
        }

        var spec = new StackSpec(step.Kind, step.Region, step.ResourceName, string.Empty, new Dictionary<string, string>());
        var events = await stacks.DescribeStackEventsAsync(step.Region, step.ResourceName, cancellationToken);
        await AppendStackEventsAsync(session, spec, events, cancellationToken);
        if (description.Status != StackStatuses.DeleteInProgress)
        {
            // A failed delete is asked again with a new token: CloudFormation treats a token it has seen as the same request.
            var token = description.Status == StackStatuses.DeleteFailed
                ? $"{step.ResourceName}-delete-{clock.GetUtcNow().ToUnixTimeSeconds()}"
                : step.ResourceName + "-delete";
            await stacks.DeleteStackAsync(step.Region, step.ResourceName, token, cancellationToken);
        }

        if (step.ProviderStatus != description.Status)
        {
            await ChangeAsync(session, s => s.ObserveStep(step.ResourceName, description.Status, description.StatusReason), null, cancellationToken);
        }

        return false;
    }

    /// <returns>True once the notebook instance is gone.</returns>
    private async Task<bool> TearDownNotebookAsync(Session session, SessionStep step, CancellationToken cancellationToken)
    {
        var description = await notebooks.DescribeNotebookInstanceAsync(step.Region, step.ResourceName, cancellationToken);
        switch (description?.Status)
        {
            case null:
                return true;
            case NotebookStatuses.InService or NotebookStatuses.Pending:
                await notebooks.StopNotebookInstanceAsync(step.Region, step.ResourceName, cancellationToken);
                break;
            case NotebookStatuses.Stopped or NotebookStatuses.Failed:
                await notebooks.DeleteNotebookInstanceAsync(step.Region, step.ResourceName, cancellationToken);
                break;
            default:
                break;
        }

        if (description.Status != step.ProviderStatus)
        {
            await ChangeAsync(session, s => s.ObserveStep(step.ResourceName, description.Status, null),
                $"Notebook instance {step.ResourceName} is {description.Status}.", cancellationToken, step.ResourceName, step.Region);
        }

        return false;
    }

    /// <summary>
    /// Applies a change in one unit of work, records an event and tells open pages. A change that no longer fits
    /// (a user stopped the session in between) is dropped: the next pass starts from the new state.
    /// </summary>
    private async Task<Session> ChangeAsync(
        Session current,
        Action<Session> change,
        string? message,
        CancellationToken cancellationToken,
        string? resourceName = null,
        Domain.Regions.RegionCode? region = null)
    {
        var applied = true;
        var saved = await store.UpdateAsync(current.Id, s =>
        {
            try
            {
                change(s);
            }
            catch (DomainException)
            {
                applied = false;
            }
        }, cancellationToken);

        if (applied && message is not null)
        {
            await store.AppendEventsAsync([new SessionEvent(current.Id, clock.GetUtcNow(), resourceName, region, message)], cancellationToken);
        }

        await notifier.PublishAsync(current.Id);
        return saved ?? current;
    }

    /// <summary>
    /// Stores a stack's events oldest first: they arrive newest first (CloudFormation's order), and the timeline sorts
    /// events of the same instant by the order they were stored in.
    /// </summary>
    private Task AppendStackEventsAsync(Session session, StackSpec spec, IReadOnlyList<StackEvent> newestFirst, CancellationToken cancellationToken) =>
        store.AppendEventsAsync([.. newestFirst.Reverse().Select(e => ToSessionEvent(session, spec, e))], cancellationToken);

    private static SessionEvent ToSessionEvent(Session session, StackSpec spec, StackEvent e) =>
        new(session.Id, e.Timestamp, spec.StackName, spec.Region,
            $"{e.LogicalResourceId} ({e.ResourceType}) {e.ResourceStatus}{(e.ResourceStatusReason is { Length: > 0 } r ? ": " + r : string.Empty)}",
            e.EventId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Session {SessionId} reached its maximum lifetime of {Hours} h; stopping")]
    private partial void LogExpired(string sessionId, int hours);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Session {SessionId} step {Step} failed with {ErrorCode}")]
    private partial void LogStepFailed(Exception exception, string sessionId, string step, string errorCode);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Session {SessionId} could not delete {Step} yet ({ErrorCode}); retrying")]
    private partial void LogTearDownProblem(Exception exception, string sessionId, string step, string errorCode);
}
