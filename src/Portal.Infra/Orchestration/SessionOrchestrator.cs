using Microsoft.Extensions.Logging;
using Portal.Domain;
using Portal.Domain.Cloud;
using Portal.Domain.LaunchPlans;
using Portal.Domain.Regions;
using Portal.Domain.Sessions;
using Portal.Infra.Notebooks;
using Portal.Infra.Sessions;

namespace Portal.Infra.Orchestration;

/// <summary>
/// Moves one session one pass forward from what is stored and what the cloud reports. Every call it makes is
/// idempotent (create tokens, "already exists" accepted, delete of a missing resource succeeds), so a pass
/// interrupted by a restart is simply run again; and a resource is only created by the caller whose "started"
/// record was saved, so two portal instances never both create it.
/// </summary>
internal sealed partial class SessionOrchestrator(
    ISessionStore store,
    IStackDeployer stacks,
    INotebookService notebooks,
    LaunchPlanner planner,
    NotebookWriter notebookWriter,
    SessionCostTokens costTokens,
    PortalUrls urls,
    SessionChangeNotifier notifier,
    TimeProvider clock,
    ILogger<SessionOrchestrator> logger)
{
    private const string NotebookGone = "Deleted";

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
            case SessionState.Failed:
                await ProvisionAsync(session, cancellationToken);
                break;
            case SessionState.Stopping:
                await TearDownAsync(session, cancellationToken);
                break;
            default:
                break;
        }
    }

    /// <summary>
    /// Provisioning: start what is pending, follow what is in progress. A failed session only follows what is
    /// already in progress, so its timeline stays true and a stop deletes what really exists.
    /// </summary>
    private async Task ProvisionAsync(Session session, CancellationToken cancellationToken)
    {
        LaunchPlan plan;
        try
        {
            plan = planner.Plan(session.Id, session.Request);
        }
        catch (DomainException ex)
        {
            // The request passed the rules at launch but no longer does (a catalogue or rule change): say so, once.
            var now = clock.GetUtcNow();
            await ChangeAsync(session, s => s.Fail($"The session's request no longer passes the portal's rules: {ex.Message}", now),
                $"The session's request no longer passes the portal's rules: {ex.Message}", cancellationToken);
            return;
        }

        foreach (var spec in plan.Stacks)
        {
            session = await AdvanceStackAsync(session, spec, cancellationToken);
        }

        if (plan.Stacks.All(spec => session.Step(spec.StackName).Status == StepStatus.Complete))
        {
            session = await AdvanceNotebookAsync(session, plan, cancellationToken);
        }

        if (session.State == SessionState.Provisioning && session.Steps.All(s => s.Status == StepStatus.Complete))
        {
            var now = clock.GetUtcNow();
            await ChangeAsync(session, s => s.MarkReady(now), "Session is ready: open the notebook.", cancellationToken);
        }
    }

    private async Task<Session> AdvanceStackAsync(Session session, StackSpec spec, CancellationToken cancellationToken)
    {
        StackCreateRequest CreateRequest() =>
            new(spec.Region, spec.StackName, spec.Template, spec.Parameters, SessionTags.For(session), spec.StackName + "-create");

        var step = session.Step(spec.StackName);
        try
        {
            if (step.Status == StepStatus.Pending)
            {
                if (session.State != SessionState.Provisioning)
                {
                    return session;
                }

                // The step is recorded as started before the cloud is asked: a stop that lands while the create is in
                // flight then finds it in progress and deletes the stack, instead of forgetting a step still pending.
                var now = clock.GetUtcNow();
                var (started, applied) = await ChangeAsync(session, s => s.StartStep(spec.StackName, now), $"Creating stack {spec.StackName}.",
                    cancellationToken, spec.StackName, spec.Region);
                if (!applied || started.State != SessionState.Provisioning)
                {
                    return started;
                }

                var outcome = await stacks.CreateStackAsync(CreateRequest(), cancellationToken);
                if (outcome.AlreadyExisted)
                {
                    await AppendEventAsync(started, $"Stack {spec.StackName} already exists; following it.", spec.StackName, spec.Region, cancellationToken);
                }

                return started;
            }

            if (step.Status != StepStatus.InProgress)
            {
                return session;
            }

            var description = await stacks.DescribeStackAsync(spec.Region, spec.StackName, cancellationToken);
            if (description is null)
            {
                if (session.State == SessionState.Provisioning)
                {
                    // Not visible yet (eventual consistency), or the portal stopped between recording the step and
                    // asking the cloud: create again, idempotently.
                    await stacks.CreateStackAsync(CreateRequest(), cancellationToken);
                    return session;
                }

                var at = clock.GetUtcNow();
                return (await ChangeAsync(session, s => s.FailStep(spec.StackName, "Not created: the session failed first.", at),
                    null, cancellationToken)).Session;
            }

            var events = await stacks.DescribeStackEventsAsync(spec.Region, spec.StackName, cancellationToken);
            await AppendStackEventsAsync(session, spec, events, cancellationToken);
            var observedAt = clock.GetUtcNow();
            if (StackStatuses.IsCreated(description.Status))
            {
                return (await ChangeAsync(session, s =>
                {
                    s.ObserveStep(spec.StackName, description.Status, null);
                    s.CompleteStep(spec.StackName, observedAt);
                }, $"Stack {spec.StackName} is {description.Status}.", cancellationToken, spec.StackName, spec.Region)).Session;
            }

            if (StackStatuses.IsCreateFailed(description.Status))
            {
                var reason = events.LastOrDefault(e => e.ResourceStatus == StackStatuses.CreateFailed)?.ResourceStatusReason
                             ?? description.StatusReason
                             ?? description.Status;
                return (await ChangeAsync(session, s =>
                {
                    s.ObserveStep(spec.StackName, description.Status, reason);
                    s.FailStep(spec.StackName, $"Stack {spec.StackName} in {spec.Region} failed: {reason}", observedAt);
                }, $"Stack {spec.StackName} failed: {reason}", cancellationToken, spec.StackName, spec.Region)).Session;
            }

            return step.ProviderStatus == description.Status
                ? session
                : (await ChangeAsync(session, s => s.ObserveStep(spec.StackName, description.Status, description.StatusReason), null, cancellationToken)).Session;
        }
        catch (CloudOperationException ex)
        {
            LogStepFailed(ex, session.Id.Value, spec.StackName, ex.ErrorCode);
            return await FailStepAsync(session, spec.StackName, spec.Region, ex.Message, cancellationToken);
        }
    }

    private async Task<Session> AdvanceNotebookAsync(Session session, LaunchPlan plan, CancellationToken cancellationToken)
    {
        var spec = plan.Notebook;
        var step = session.Step(spec.InstanceName);
        NotebookInstanceRequest CreateRequest() => new(
            spec.Region, spec.InstanceName, spec.InstanceType, SessionTags.For(session), notebookWriter.Write(session, plan, urls.BaseUri, costTokens.Issue(session)));
        try
        {
            if (step.Status == StepStatus.Pending)
            {
                if (session.State != SessionState.Provisioning)
                {
                    return session;
                }

                // Started before the cloud is asked, as for stacks: a stop in between then stops and deletes the instance.
                var now = clock.GetUtcNow();
                var (started, applied) = await ChangeAsync(session, s => s.StartStep(spec.InstanceName, now),
                    $"Creating notebook instance {spec.InstanceName} ({spec.InstanceType}).", cancellationToken, spec.InstanceName, spec.Region);
                if (!applied || started.State != SessionState.Provisioning)
                {
                    return started;
                }

                var outcome = await notebooks.CreateNotebookInstanceAsync(CreateRequest(), cancellationToken);
                if (outcome.AlreadyExisted)
                {
                    await AppendEventAsync(started, $"Notebook instance {spec.InstanceName} already exists; following it.", spec.InstanceName, spec.Region, cancellationToken);
                }

                return started;
            }

            if (step.Status != StepStatus.InProgress)
            {
                return session;
            }

            var description = await notebooks.DescribeNotebookInstanceAsync(spec.Region, spec.InstanceName, cancellationToken);
            var at = clock.GetUtcNow();
            if (description is null)
            {
                if (session.State == SessionState.Provisioning)
                {
                    // As for stacks: not visible yet, or never asked for because the portal stopped in between.
                    await notebooks.CreateNotebookInstanceAsync(CreateRequest(), cancellationToken);
                    return session;
                }

                return (await ChangeAsync(session, s => s.FailStep(spec.InstanceName, "Not created: the session failed first.", at), null, cancellationToken)).Session;
            }

            switch (description.Status)
            {
                case NotebookStatuses.InService:
                    return (await ChangeAsync(session, s =>
                    {
                        s.ObserveStep(spec.InstanceName, description.Status, null);
                        s.CompleteStep(spec.InstanceName, at);
                    }, $"Notebook instance {spec.InstanceName} is InService.", cancellationToken, spec.InstanceName, spec.Region)).Session;
                case NotebookStatuses.Failed:
                    var reason = description.FailureReason ?? "SageMaker reported the notebook instance as Failed.";
                    return await FailStepAsync(session, spec.InstanceName, spec.Region, $"Notebook instance {spec.InstanceName} failed: {reason}", cancellationToken);
                case { } status when status != step.ProviderStatus:
                    return (await ChangeAsync(session, s => s.ObserveStep(spec.InstanceName, status, null),
                        $"Notebook instance {spec.InstanceName} is {status}.", cancellationToken, spec.InstanceName, spec.Region)).Session;
                default:
                    return session;
            }
        }
        catch (CloudOperationException ex)
        {
            LogStepFailed(ex, session.Id.Value, spec.InstanceName, ex.ErrorCode);
            return await FailStepAsync(session, spec.InstanceName, spec.Region, ex.Message, cancellationToken);
        }
    }

    /// <summary>Fails a step (and, while provisioning, the session) with a message the user reads on the timeline.</summary>
    private async Task<Session> FailStepAsync(Session session, string resourceName, RegionCode region, string reason, CancellationToken cancellationToken)
    {
        var at = clock.GetUtcNow();
        return (await ChangeAsync(session, s =>
        {
            if (s.Step(resourceName).Status == StepStatus.Pending)
            {
                s.StartStep(resourceName, at);
            }

            s.FailStep(resourceName, reason, at);
        }, reason, cancellationToken, resourceName, region)).Session;
    }

    private async Task TearDownAsync(Session session, CancellationToken cancellationToken)
    {
        foreach (var step in session.Steps.Where(s => s.Status == StepStatus.Deleting).ToList())
        {
            try
            {
                var gone = step.Kind == StepKind.Notebook
                    ? await TearDownNotebookAsync(session, step, cancellationToken)
                    : await TearDownStackAsync(session, step, cancellationToken);
                if (gone)
                {
                    var now = clock.GetUtcNow();
                    var finalStatus = step.Kind == StepKind.Notebook ? NotebookGone : StackStatuses.DeleteComplete;
                    session = (await ChangeAsync(session, s =>
                    {
                        s.ObserveStep(step.ResourceName, finalStatus, null);
                        s.MarkStepDeleted(step.ResourceName, now);
                    }, $"{step.ResourceName} deleted.", cancellationToken, step.ResourceName, step.Region)).Session;
                }
            }
            catch (CloudOperationException ex)
            {
                // Keep trying on the next pass; say why on the timeline once.
                LogTearDownProblem(ex, session.Id.Value, step.ResourceName, ex.ErrorCode);
                if (step.Message != ex.Message)
                {
                    session = (await ChangeAsync(session, s => s.ObserveStep(step.ResourceName, step.ProviderStatus ?? "DELETE_PENDING", ex.Message),
                        $"Deleting {step.ResourceName}: {ex.Message}", cancellationToken, step.ResourceName, step.Region)).Session;
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
    /// (a user stopped the session, or another instance moved it on, in between) is not saved at all — not even the
    /// part of it that ran — and the next pass starts from the new state.
    /// </summary>
    private async Task<(Session Session, bool Applied)> ChangeAsync(
        Session current,
        Action<Session> change,
        string? message,
        CancellationToken cancellationToken,
        string? resourceName = null,
        RegionCode? region = null)
    {
        Session? saved;
        try
        {
            saved = await store.UpdateAsync(current.Id, s =>
            {
                try
                {
                    change(s);
                }
                catch (DomainException ex)
                {
                    throw new ChangeRejectedException(ex);
                }
            }, cancellationToken);
        }
        catch (ChangeRejectedException)
        {
            return (await store.FindAsync(current.Id, cancellationToken) ?? current, false);
        }

        if (message is not null)
        {
            await AppendEventAsync(current, message, resourceName, region, cancellationToken);
        }

        await notifier.PublishAsync(current.Id);
        return (saved ?? current, saved is not null);
    }

    private Task AppendEventAsync(Session session, string message, string? resourceName, RegionCode? region, CancellationToken cancellationToken) =>
        store.AppendEventsAsync([new SessionEvent(session.Id, clock.GetUtcNow(), resourceName, region, message)], cancellationToken);

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

    /// <summary>Carries a change the domain refused out of the store's unit of work, so nothing of it is saved.</summary>
    private sealed class ChangeRejectedException(DomainException inner) : Exception(inner.Message, inner);
}
