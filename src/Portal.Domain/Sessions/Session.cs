using System.Linq.Expressions;
using Portal.Domain.LaunchPlans;

namespace Portal.Domain.Sessions;

/// <summary>The durable record of one launch and its state machine.</summary>
public sealed class Session
{
    private readonly List<SessionStep> _steps = [];

    private Session()
    {
        Owner = string.Empty;
        OwnerName = string.Empty;
        Request = null!;
        SchedulerAddress = string.Empty;
    }

    public SessionId Id { get; private set; }

    /// <summary>The identity (<see cref="Actor.Id"/>) of whoever launched it; only they (and admins) see it.</summary>
    public string Owner { get; private set; }

    /// <summary>The name of whoever launched it, as shown at launch.</summary>
    public string OwnerName { get; private set; }

    public SessionRequest Request { get; private set; }

    public SessionState State { get; private set; }

    public string SchedulerAddress { get; private set; }

    /// <summary>The estimated cost per hour at launch, used for "cost so far".</summary>
    public decimal HourlyCostUsd { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? ProvisioningStartedAt { get; private set; }

    public DateTimeOffset? ReadyAt { get; private set; }

    public DateTimeOffset? StopRequestedAt { get; private set; }

    /// <summary>When the session reached Stopped: until then its resources may be running and cost accrues.</summary>
    public DateTimeOffset? EndedAt { get; private set; }

    /// <summary>When the maximum lifetime runs out and the portal stops the session by itself.</summary>
    public DateTimeOffset ExpiresAt { get; private set; }

    public string? FailureReason { get; private set; }

    /// <summary>The resource name of the step that failed.</summary>
    public string? FailedStep { get; private set; }

    /// <summary>The steps in plan order (the notebook last), however the store returned them.</summary>
    public IReadOnlyList<SessionStep> Steps => [.. _steps.OrderBy(s => s.Order)];

    /// <summary>
    /// Which sessions the background service must move on at <paramref name="now"/>: unfinished ones, expired ones
    /// that may still hold resources, and failed ones with a step still in progress (to record how it ends). One
    /// definition, which the store hands to the database as a query.
    /// </summary>
    public static Expression<Func<Session, bool>> NeedsDrivingAt(DateTimeOffset now) => s =>
        s.State == SessionState.Requested
        || s.State == SessionState.Provisioning
        || s.State == SessionState.Stopping
        || ((s.State == SessionState.Ready || s.State == SessionState.Failed) && s.ExpiresAt <= now)
        || (s.State == SessionState.Failed && s.Steps.Any(step => step.Status == StepStatus.InProgress));

    public static Session Create(
        SessionId id,
        Actor owner,
        SessionRequest request,
        LaunchPlan plan,
        decimal hourlyCostUsd,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(owner);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(plan);
        if (plan.SessionId != id)
        {
            throw new DomainException($"The plan is for session {plan.SessionId}, not {id}.");
        }

        var session = new Session
        {
            Id = id,
            Owner = owner.Id,
            OwnerName = owner.Name,
            Request = request,
            State = SessionState.Requested,
            SchedulerAddress = plan.SchedulerAddress,
            HourlyCostUsd = hourlyCostUsd,
            CreatedAt = now,
            ExpiresAt = now.AddHours(request.MaximumHours),
        };
        var order = 0;
        foreach (var stack in plan.Stacks)
        {
            session._steps.Add(new SessionStep(order++, stack.Kind, stack.Region, stack.StackName));
        }

        session._steps.Add(new SessionStep(order, StepKind.Notebook, plan.Notebook.Region, plan.Notebook.InstanceName));
        return session;
    }

    public SessionStep Step(string resourceName) =>
        _steps.FirstOrDefault(s => s.ResourceName == resourceName)
        ?? throw new DomainException($"Session {Id} has no step {resourceName}.");

    public void BeginProvisioning(DateTimeOffset now)
    {
        Require(SessionState.Requested, "start provisioning");
        State = SessionState.Provisioning;
        ProvisioningStartedAt = now;
    }

    public void StartStep(string resourceName, DateTimeOffset now)
    {
        Require(SessionState.Provisioning, "start a step");
        var step = Step(resourceName);
        if (step.Status != StepStatus.Pending)
        {
            // Only one caller may start a step: a second portal instance must not create the resource again.
            throw new DomainException($"Step {resourceName} is {step.Status}; it cannot start.");
        }

        step.Start(now);
    }

    /// <summary>Records the provider's status word and message for a step, for display.</summary>
    public void ObserveStep(string resourceName, string providerStatus, string? message) =>
        Step(resourceName).Observe(providerStatus, message);

    /// <summary>
    /// Records that a step's resource exists. A session that failed on another step still records it, so its
    /// timeline stays true and a stop deletes it.
    /// </summary>
    public void CompleteStep(string resourceName, DateTimeOffset now)
    {
        if (State is not (SessionState.Provisioning or SessionState.Failed))
        {
            throw new DomainException($"Session {Id} is {State}; it cannot complete a step.");
        }

        var step = Step(resourceName);
        if (step.Status != StepStatus.InProgress)
        {
            throw new DomainException($"Step {resourceName} is {step.Status}; only a step in progress can complete.");
        }

        step.Complete(now);
    }

    /// <summary>
    /// A step failed. While provisioning this fails the session with the step's reason; in a session that has
    /// already failed it only records the step.
    /// </summary>
    public void FailStep(string resourceName, string reason, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(reason);
        reason = SessionText.Clip(reason);
        if (State == SessionState.Failed)
        {
            Step(resourceName).Fail(reason, now);
            return;
        }

        Require(SessionState.Provisioning, "fail a step");
        Step(resourceName).Fail(reason, now);
        State = SessionState.Failed;
        FailureReason = reason;
        FailedStep = resourceName;
    }

    /// <summary>Fails the whole session for a reason that is no single step's (its request no longer passes the rules).</summary>
    public void Fail(string reason, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(reason);
        if (State is not (SessionState.Requested or SessionState.Provisioning))
        {
            throw new DomainException($"Session {Id} is {State}; it cannot fail.");
        }

        State = SessionState.Failed;
        FailureReason = SessionText.Clip(reason);
        FailedStep = null;
        ProvisioningStartedAt ??= now;
    }

    public void MarkReady(DateTimeOffset now)
    {
        Require(SessionState.Provisioning, "become ready");
        if (_steps.Any(s => s.Status != StepStatus.Complete))
        {
            throw new DomainException($"Session {Id} cannot be ready while steps are unfinished.");
        }

        State = SessionState.Ready;
        ReadyAt = now;
    }

    /// <summary>Starts tearing the session down. Stopping a session that is already stopping or stopped changes nothing.</summary>
    public void RequestStop(DateTimeOffset now)
    {
        if (State is SessionState.Stopping or SessionState.Stopped)
        {
            return;
        }

        State = SessionState.Stopping;
        StopRequestedAt = now;
        foreach (var step in _steps)
        {
            if (step.MayHoldResources)
            {
                step.BeginDelete();
            }
            else
            {
                step.Deleted(now);
            }
        }
    }

    public void MarkStepDeleted(string resourceName, DateTimeOffset now)
    {
        Require(SessionState.Stopping, "delete a step");
        Step(resourceName).Deleted(now);
    }

    public void MarkStopped(DateTimeOffset now)
    {
        Require(SessionState.Stopping, "stop");
        if (_steps.Any(s => s.Status != StepStatus.Deleted))
        {
            throw new DomainException($"Session {Id} cannot be stopped while resources remain.");
        }

        State = SessionState.Stopped;
        EndedAt = now;
    }

    /// <summary>
    /// True once the maximum lifetime has run out for a session that may still hold resources; a failed session is
    /// included so that what it did create is cleaned up even if nobody presses Stop.
    /// </summary>
    public bool IsExpired(DateTimeOffset now) =>
        now >= ExpiresAt && State is SessionState.Requested or SessionState.Provisioning or SessionState.Ready or SessionState.Failed;

    /// <summary>
    /// What the session has cost from the start of provisioning until it stopped (or now), at the launch estimate. A
    /// failed session keeps costing until it is stopped: what it did create is still running.
    /// </summary>
    public decimal CostSoFarUsd(DateTimeOffset now)
    {
        if (ProvisioningStartedAt is not { } start)
        {
            return 0m;
        }

        var end = State is SessionState.Stopped && EndedAt is { } ended ? ended : now;
        var hours = (decimal)Math.Max(0, (end - start).TotalHours);
        return decimal.Round(HourlyCostUsd * hours, 2, MidpointRounding.AwayFromZero);
    }

    private void Require(SessionState expected, string action)
    {
        if (State != expected)
        {
            throw new DomainException($"Session {Id} is {State}; it cannot {action}.");
        }
    }
}
