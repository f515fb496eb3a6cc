using Portal.Domain.LaunchPlans;

namespace Portal.Domain.Sessions;

/// <summary>The durable record of one launch and its state machine.</summary>
public sealed class Session
{
    private readonly List<SessionStep> _steps = [];

    private Session()
    {
        Owner = string.Empty;
        Request = null!;
        SchedulerAddress = string.Empty;
    }

    public SessionId Id { get; private set; }

    /// <summary>The user name of whoever launched it; only they (and admins) see it.</summary>
    public string Owner { get; private set; }

    public SessionRequest Request { get; private set; }

    public SessionState State { get; private set; }

    public string SchedulerAddress { get; private set; }

    /// <summary>The estimated cost per hour at launch, used for "cost so far".</summary>
    public decimal HourlyCostUsd { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? ProvisioningStartedAt { get; private set; }

    public DateTimeOffset? ReadyAt { get; private set; }

    public DateTimeOffset? StopRequestedAt { get; private set; }

    /// <summary>When the session reached Stopped or Failed.</summary>
    public DateTimeOffset? EndedAt { get; private set; }

    /// <summary>When the maximum lifetime runs out and the portal stops the session by itself.</summary>
    public DateTimeOffset ExpiresAt { get; private set; }

    public string? FailureReason { get; private set; }

    /// <summary>The resource name of the step that failed.</summary>
    public string? FailedStep { get; private set; }

    /// <summary>The steps in plan order (the notebook last), however the store returned them.</summary>
    public IReadOnlyList<SessionStep> Steps => [.. _steps.OrderBy(s => s.Order)];

    public bool IsFinished => State is SessionState.Stopped;

    /// <summary>True while the background service still has work to do for this session.</summary>
    public bool NeedsDriving => State is SessionState.Requested or SessionState.Provisioning or SessionState.Stopping;

    public static Session Create(
        SessionId id,
        string owner,
        SessionRequest request,
        LaunchPlan plan,
        decimal hourlyCostUsd,
        DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(owner);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(plan);
        if (plan.SessionId != id)
        {
            throw new DomainException($"The plan is for session {plan.SessionId}, not {id}.");
        }

        var session = new Session
        {
            Id = id,
            Owner = owner,
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
        if (step.Status is not (StepStatus.Pending or StepStatus.InProgress))
        {
            throw new DomainException($"Step {resourceName} is {step.Status}; it cannot start.");
        }

        step.Start(now);
    }

    /// <summary>Records the provider's status word and message for a step, for display.</summary>
    public void ObserveStep(string resourceName, string providerStatus, string? message) =>
        Step(resourceName).Observe(providerStatus, message);

    public void CompleteStep(string resourceName, DateTimeOffset now)
    {
        Require(SessionState.Provisioning, "complete a step");
        var step = Step(resourceName);
        if (step.Status != StepStatus.InProgress)
        {
            throw new DomainException($"Step {resourceName} is {step.Status}; only a step in progress can complete.");
        }

        step.Complete(now);
    }

    public void FailStep(string resourceName, string reason, DateTimeOffset now)
    {
        Require(SessionState.Provisioning, "fail a step");
        reason = SessionText.Clip(reason);
        Step(resourceName).Fail(reason, now);
        State = SessionState.Failed;
        FailureReason = reason;
        FailedStep = resourceName;
        EndedAt = now;
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

    /// <summary>What the session has cost from the start of provisioning until it ended (or now), at the launch estimate.</summary>
    public decimal CostSoFarUsd(DateTimeOffset now)
    {
        if (ProvisioningStartedAt is not { } start)
        {
            return 0m;
        }

        var end = State is SessionState.Stopped or SessionState.Failed && EndedAt is { } ended ? ended : now;
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
