using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Domain;
using Portal.Domain.Cloud;
using Portal.Domain.Sessions;

namespace Portal.Infra.Orchestration;

/// <summary>
/// The step engine: moves one session one pass forward from what is stored and what the cloud reports, executing the
/// steps recorded at launch. Start, follow, fail, delete and retry are written once here for every kind of step; an
/// <see cref="IStepHandler"/> only talks to the cloud. Every call it makes is idempotent (create tokens, "already
/// exists" accepted, delete of a missing resource succeeds), so a pass interrupted by a restart is simply run again;
/// and a resource is only created by the caller whose "started" record was saved, so two portal instances never both
/// create it. A failing call backs off and is retried a bounded number of times: no loop runs for ever.
/// </summary>
internal sealed partial class SessionOrchestrator(
    ISessionStore store,
    IEnumerable<IStepHandler> handlers,
    SessionChangeNotifier notifier,
    IOptions<OrchestrationOptions> options,
    TimeProvider clock,
    ILogger<SessionOrchestrator> logger)
{
    private readonly IStepHandler[] _handlers = [.. handlers];

    private OrchestrationOptions Options => options.Value;

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
            LogAutoStop(id.Value, "lifetime");
            var reason = $"Stopped after its maximum lifetime of {session.Request.MaximumHours} h.";
            await ChangeAsync(session, s => s.RequestStop(now, reason), reason, cancellationToken);
            return;
        }

        if (session.IsIdle(now))
        {
            LogAutoStop(id.Value, "idle");
            var reason = $"Stopped after {Describe(session.IdleTimeout)} idle.";
            await ChangeAsync(session, s => s.RequestStop(now, reason), reason, cancellationToken);
            return;
        }

        switch (session.State)
        {
            case SessionState.Requested:
                // Start the steps in the same pass: time to Ready is the longest step, not a tick more.
                var (started, applied) = await ChangeAsync(session, s => s.BeginProvisioning(now), "Provisioning started.", cancellationToken);
                if (applied && started.State == SessionState.Provisioning)
                {
                    await ProvisionAsync(started, cancellationToken);
                }

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
    /// Provisioning: start every pending step at once (the notebook beside the stacks), follow what is in progress,
    /// delete what a retry replaces. A failed session starts nothing: it follows what is in progress to its end, then
    /// deletes what it created.
    /// </summary>
    private async Task ProvisionAsync(Session session, CancellationToken cancellationToken)
    {
        foreach (var name in session.Steps.Select(s => s.ResourceName).ToList())
        {
            var step = session.Step(name);
            session = step.Status switch
            {
                StepStatus.Pending => await StartAsync(session, step, cancellationToken),
                StepStatus.InProgress => await FollowAsync(session, step, cancellationToken),
                StepStatus.Deleting => await DeleteAsync(session, step, cancellationToken),
                _ => session,
            };
        }

        var now = clock.GetUtcNow();
        if (session.State == SessionState.Provisioning && session.Steps.All(s => s.Status == StepStatus.Complete))
        {
            await ChangeAsync(session, s => s.MarkReady(now), "Session is ready: open the notebook.", cancellationToken);
        }
        else if (session.CanBeginCleanUp)
        {
            await ChangeAsync(session, s => s.BeginCleanUp(), "Cleaning up: deleting what the failed session created, so that it stops costing.", cancellationToken);
        }
        else if (session is { State: SessionState.Failed, HasEnded: false } && session.Steps.All(s => !s.MayHoldResources)
                 && session.Steps.Any(s => s.Status == StepStatus.Deleted))
        {
            await ChangeAsync(session, s => s.MarkCleanedUp(now), "Clean-up finished: nothing of the session runs any more, and it no longer costs. Retry creates what failed again.", cancellationToken);
        }
    }

    private async Task<Session> StartAsync(Session session, SessionStep step, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (session.State != SessionState.Provisioning || step.IsBackingOff(now))
        {
            return session;
        }

        // The step is recorded as started before the cloud is asked: a stop that lands while the create is in flight
        // then finds it in progress and deletes the resource, instead of forgetting a step still pending.
        var (started, applied) = await ChangeAsync(session, s => s.StartStep(step.ResourceName, now), $"Creating {Label(step)}.",
            cancellationToken, step);
        if (!applied || started.State != SessionState.Provisioning)
        {
            return started;
        }

        return await CreateAsync(started, started.Step(step.ResourceName), cancellationToken);
    }

    private async Task<Session> CreateAsync(Session session, SessionStep step, CancellationToken cancellationToken)
    {
        try
        {
            if (await Handler(step).CreateAsync(session, step, cancellationToken))
            {
                await AppendEventAsync(session, $"{Label(step)} already exists; following it.", step, cancellationToken);
            }

            return session;
        }
        catch (CloudOperationException ex)
        {
            return await CreateCallFailedAsync(session, step, ex, cancellationToken);
        }
    }

    private async Task<Session> FollowAsync(Session session, SessionStep step, CancellationToken cancellationToken)
    {
        if (step.IsBackingOff(clock.GetUtcNow()))
        {
            return session;
        }

        StepObservation seen;
        try
        {
            seen = await Handler(step).DescribeAsync(session, step, cancellationToken);
        }
        catch (CloudOperationException ex)
        {
            return await CreateCallFailedAsync(session, step, ex, cancellationToken);
        }

        var now = clock.GetUtcNow();
        var name = step.ResourceName;
        switch (seen.Condition)
        {
            case StepCondition.Missing when session.State == SessionState.Provisioning:
                // Not visible yet (eventual consistency), or the portal stopped between recording the step and asking
                // the cloud: create again, idempotently, with the same token.
                return await CreateAsync(session, step, cancellationToken);
            case StepCondition.Missing:
                return (await ChangeAsync(session, s => s.FailStep(name, "Not created: the session failed first.", now), null, cancellationToken)).Session;
            case StepCondition.Created:
                return (await ChangeAsync(session, s =>
                {
                    s.ObserveStep(name, seen.ProviderStatus, null);
                    s.CompleteStep(name, now);
                }, $"{Label(step)} is {seen.ProviderStatus}.", cancellationToken, step)).Session;
            case StepCondition.Failing when step.ProviderStatus != seen.ProviderStatus || session.State != SessionState.Failed:
                var failing = FailureText(step, seen);
                return (await ChangeAsync(session, s =>
                {
                    s.ObserveStep(name, seen.ProviderStatus, seen.Reason);
                    s.MarkFailing(name, failing);
                }, $"{failing} Following it until it has finished.", cancellationToken, step)).Session;
            case StepCondition.Failed:
                var failed = FailureText(step, seen);
                return (await ChangeAsync(session, s =>
                {
                    s.ObserveStep(name, seen.ProviderStatus, seen.Reason);
                    s.FailStep(name, failed, now);
                }, failed, cancellationToken, step)).Session;
            case StepCondition.Creating when step.ProviderStatus != seen.ProviderStatus:
                return (await ChangeAsync(session, s => s.ObserveStep(name, seen.ProviderStatus, seen.Reason),
                    step.Kind == StepKind.Notebook ? $"{Label(step)} is {seen.ProviderStatus}." : null, cancellationToken, step)).Session;
            default:
                return session;
        }
    }

    private async Task TearDownAsync(Session session, CancellationToken cancellationToken)
    {
        foreach (var name in session.Steps.Where(s => s.Status == StepStatus.Deleting).Select(s => s.ResourceName).ToList())
        {
            session = await DeleteAsync(session, session.Step(name), cancellationToken);
            if (session.State != SessionState.Stopping)
            {
                return;
            }
        }

        if (session.Steps.All(s => s.Status == StepStatus.Deleted))
        {
            var now = clock.GetUtcNow();
            await ChangeAsync(session, s => s.MarkStopped(now), "Session stopped: every resource is deleted.", cancellationToken);
        }
    }

    /// <summary>One attempt to move a step's resource towards deletion; failures back off, and past the bound the session needs an operator.</summary>
    private async Task<Session> DeleteAsync(Session session, SessionStep step, CancellationToken cancellationToken)
    {
        if (step.IsBackingOff(clock.GetUtcNow()))
        {
            return session;
        }

        StepObservation seen;
        try
        {
            seen = await Handler(step).DeleteAsync(session, step, cancellationToken);
        }
        catch (CloudOperationException ex)
        {
            LogDeleteProblem(ex, session.Id.Value, step.ResourceName, ex.ErrorCode);
            seen = new StepObservation(StepCondition.DeleteFailed, step.ProviderStatus ?? "DELETE_PENDING", ex.Message);
        }

        var now = clock.GetUtcNow();
        var name = step.ResourceName;
        switch (seen.Condition)
        {
            case StepCondition.Missing:
                var recreate = step.RecreateAfterDelete && session.State == SessionState.Provisioning;
                return (await ChangeAsync(session, s =>
                {
                    s.ObserveStep(name, step.Kind == StepKind.Notebook ? "Deleted" : StackStatuses.DeleteComplete, null);
                    s.MarkStepDeleted(name, now);
                }, recreate ? $"{Label(step)} deleted; creating it again." : $"{Label(step)} deleted.", cancellationToken, step)).Session;
            case StepCondition.DeleteFailed:
                return await DeleteFailedAsync(session, step, seen, cancellationToken);
            default:
                return step.ProviderStatus == seen.ProviderStatus
                    ? session
                    : (await ChangeAsync(session, s => s.ObserveStep(name, seen.ProviderStatus, null),
                        step.Kind == StepKind.Notebook ? $"{Label(step)} is {seen.ProviderStatus}." : null, cancellationToken, step)).Session;
        }
    }

    private async Task<Session> DeleteFailedAsync(Session session, SessionStep step, StepObservation seen, CancellationToken cancellationToken)
    {
        var attempts = step.Failures + 1;
        var error = seen.Reason ?? seen.ProviderStatus;
        var name = step.ResourceName;
        if (attempts >= Options.MaxDeleteAttempts)
        {
            var reason = string.Create(CultureInfo.InvariantCulture,
                $"{Label(step)} in {step.Region} could not be deleted after {attempts} attempts: {error} {OperatorAction(step)}");
            LogNeedsAttention(session.Id.Value, name, attempts);
            return (await ChangeAsync(session, s =>
            {
                s.ObserveStep(name, seen.ProviderStatus, error);
                s.RecordStepFailure(name, error, clock.GetUtcNow());
                s.NeedAttention(reason);
            }, "Needs attention: " + reason, cancellationToken, step)).Session;
        }

        var retryAt = clock.GetUtcNow() + Options.BackoffAfter(attempts);
        return (await ChangeAsync(session, s =>
        {
            s.ObserveStep(name, seen.ProviderStatus, error);
            s.RecordStepFailure(name, error, retryAt);
        }, string.Create(CultureInfo.InvariantCulture, $"Deleting {Label(step)} failed (attempt {attempts} of {Options.MaxDeleteAttempts}): {error} Trying again at {retryAt:HH:mm:ss}."),
            cancellationToken, step)).Session;
    }

    /// <summary>
    /// A create or describe call failed. A transient failure (throttling, a server error) waits and asks again, up to a
    /// bound; anything else fails the step, and so the session.
    /// </summary>
    private async Task<Session> CreateCallFailedAsync(Session session, SessionStep step, CloudOperationException ex, CancellationToken cancellationToken)
    {
        LogStepCallFailed(ex, session.Id.Value, step.ResourceName, ex.ErrorCode);
        var name = step.ResourceName;
        var failures = step.Failures + 1;
        if (ex.IsTransient && failures < Options.MaxTransientFailures)
        {
            var retryAt = clock.GetUtcNow() + Options.BackoffAfter(failures);
            return (await ChangeAsync(session, s => s.RecordStepFailure(name, $"{ex.Message} Trying again at {retryAt:HH:mm:ss}.", retryAt),
                failures == 1 ? $"{Label(step)}: {ex.Message} The portal keeps trying." : null, cancellationToken, step)).Session;
        }

        var now = clock.GetUtcNow();
        var reason = $"{Label(step)} in {step.Region} failed: {ex.Message}";
        return (await ChangeAsync(session, s =>
        {
            if (s.Step(name).Status == StepStatus.Pending)
            {
                s.StartStep(name, now);
            }

            s.FailStep(name, reason, now);
        }, reason, cancellationToken, step)).Session;
    }

    private IStepHandler Handler(SessionStep step) =>
        _handlers.FirstOrDefault(h => h.Handles(step.Spec))
        ?? throw new InvalidOperationException($"No step handler for {step.Kind} ({step.Spec.Template}): a session launched with real compute needs Sandbox:Compute Auto or Local.");

    private static string Label(SessionStep step) => step.Kind switch
    {
        StepKind.Notebook => $"Notebook instance {step.ResourceName}",
        _ => $"Stack {step.ResourceName}",
    };

    private static string FailureText(SessionStep step, StepObservation seen) =>
        $"{Label(step)} in {step.Region} failed ({seen.ProviderStatus}): {seen.Reason ?? seen.ProviderStatus}.";

    private static string OperatorAction(SessionStep step) => step.Kind == StepKind.Notebook
        ? $"An operator stops and deletes it (aws sagemaker delete-notebook-instance --region {step.Region} --notebook-instance-name {step.ResourceName}), then presses Retry clean-up."
        : $"An operator removes what blocks it (the stack's events name the resource), deletes the stack (aws cloudformation delete-stack --region {step.Region} --stack-name {step.ResourceName}), then presses Retry clean-up.";

    private static string Describe(TimeSpan span) => span.TotalMinutes >= 1
        ? string.Create(CultureInfo.InvariantCulture, $"{span.TotalMinutes:0.#} minutes")
        : string.Create(CultureInfo.InvariantCulture, $"{span.TotalSeconds:0} seconds");

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
        SessionStep? step = null)
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
            await AppendEventAsync(current, message, step, cancellationToken);
        }

        await notifier.PublishAsync(current);
        return (saved ?? current, saved is not null);
    }

    private Task AppendEventAsync(Session session, string message, SessionStep? step, CancellationToken cancellationToken) =>
        store.AppendEventsAsync([new SessionEvent(session.Id, clock.GetUtcNow(), step?.ResourceName, step?.Region, message)], cancellationToken);

    [LoggerMessage(Level = LogLevel.Information, Message = "Session {SessionId} stops by itself ({Cause})")]
    private partial void LogAutoStop(string sessionId, string cause);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Session {SessionId} step {Step}: a cloud call failed with {ErrorCode}")]
    private partial void LogStepCallFailed(Exception exception, string sessionId, string step, string errorCode);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Session {SessionId} could not delete {Step} yet ({ErrorCode}); retrying with backoff")]
    private partial void LogDeleteProblem(Exception exception, string sessionId, string step, string errorCode);

    [LoggerMessage(Level = LogLevel.Error, Message = "Session {SessionId} needs attention: {Step} was not deleted after {Attempts} attempts")]
    private partial void LogNeedsAttention(string sessionId, string step, int attempts);

    /// <summary>Carries a change the domain refused out of the store's unit of work, so nothing of it is saved.</summary>
    private sealed class ChangeRejectedException(DomainException inner) : Exception(inner.Message, inner);
}
