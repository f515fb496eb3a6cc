using System.Linq.Expressions;
using Portal.Domain.Regions;

namespace Portal.Domain.Sessions;

/// <summary>The durable record of one launch, its recorded plan (the steps) and its state machine.</summary>
public sealed class Session
{
    private readonly List<SessionStep> _steps = [];

    private Session()
    {
        Owner = string.Empty;
        OwnerName = string.Empty;
        OwnerGroups = [];
        Name = string.Empty;
        Request = null!;
        SchedulerAddress = string.Empty;
    }

    public SessionId Id { get; private set; }

    /// <summary>The identity (<see cref="Actor.Id"/>) of whoever launched it; only they (and admins) see it.</summary>
    public string Owner { get; private set; }

    /// <summary>The name of whoever launched it, as shown at launch.</summary>
    public string OwnerName { get; private set; }

    /// <summary>The owner's groups at launch (<see cref="Actor.Groups"/>): the session counts against their budgets.</summary>
    public IReadOnlyList<string> OwnerGroups { get; private set; }

    /// <summary>What lists show; defaults to the datasets and variable (<see cref="SessionName.Default"/>).</summary>
    public string Name { get; private set; }

    /// <summary>The launch form's key for this intent; one session per key and owner.</summary>
    public string? LaunchKey { get; private set; }

    public SessionRequest Request { get; private set; }

    public SessionState State { get; private set; }

    public string SchedulerAddress { get; private set; }

    /// <summary>The estimated cost per hour at launch, used for "cost so far".</summary>
    public decimal HourlyCostUsd { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? ProvisioningStartedAt { get; private set; }

    public DateTimeOffset? ReadyAt { get; private set; }

    public DateTimeOffset? StopRequestedAt { get; private set; }

    /// <summary>Why the session is stopping or stopped ("Stopped after 20 minutes idle", "Stopped by ada").</summary>
    public string? StopReason { get; private set; }

    /// <summary>
    /// When the session stopped costing: it reached Stopped, or a failed session's clean-up deleted everything. Until
    /// then its resources may be running.
    /// </summary>
    public DateTimeOffset? EndedAt { get; private set; }

    /// <summary>When the maximum lifetime runs out and the portal stops the session by itself.</summary>
    public DateTimeOffset ExpiresAt { get; private set; }

    /// <summary>How long the session may be idle before it is stopped, as set at launch.</summary>
    public TimeSpan IdleTimeout { get; private set; }

    /// <summary>The last Dask task or notebook activity the session reported (or when it became ready, or was extended).</summary>
    public DateTimeOffset? LastActivityAt { get; private set; }

    /// <summary>When a ready session with no further activity is stopped as idle; null while it is not ready.</summary>
    public DateTimeOffset? IdleStopAt { get; private set; }

    /// <summary>Whether a failure deletes what the session created, as set at launch.</summary>
    public bool CleanUpOnFailure { get; private set; }

    public string? FailureReason { get; private set; }

    /// <summary>The resource name of the step that failed.</summary>
    public string? FailedStep { get; private set; }

    /// <summary>What an operator must do, while the session is <see cref="SessionState.NeedsAttention"/>.</summary>
    public string? AttentionReason { get; private set; }

    /// <summary>The cost of earlier attempts that have ended (a failed session cleaned up, then retried).</summary>
    public decimal AccruedCostUsd { get; private set; }

    /// <summary>Since when the current attempt costs (provisioning started, or the last retry).</summary>
    public DateTimeOffset? CostingSince { get; private set; }

    /// <summary>The steps in plan order, however the store returned them.</summary>
    public IReadOnlyList<SessionStep> Steps => [.. _steps.OrderBy(s => s.Order)];

    /// <summary>The regions where the session has a worker pool, in plan order.</summary>
    public IReadOnlyList<RegionCode> PoolRegions => [.. Steps.Where(s => s.Kind == StepKind.Workers).Select(s => s.Region).Distinct()];

    /// <summary>
    /// Which sessions the background service must move on at <paramref name="now"/>: unfinished ones, ready ones past
    /// their lifetime or idle deadline, and failed ones that are still following or deleting a resource or have a
    /// clean-up to do. Sessions that need attention wait for an operator. One definition, which the store hands to the
    /// database as a query.
    /// </summary>
    public static Expression<Func<Session, bool>> NeedsDrivingAt(DateTimeOffset now) => s =>
        s.State == SessionState.Requested
        || s.State == SessionState.Provisioning
        || s.State == SessionState.Stopping
        || (s.State == SessionState.Ready && (s.ExpiresAt <= now || s.IdleStopAt <= now))
        || (s.State == SessionState.Failed && s.EndedAt == null
            && (s.CleanUpOnFailure || s.ExpiresAt <= now
                || s.Steps.Any(step => step.Status == StepStatus.InProgress || step.Status == StepStatus.Deleting)));

    public static Session Create(SessionId id, Actor owner, SessionRequest request, SessionLaunch launch, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(owner);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(launch);
        if (SessionName.Problem(launch.Name) is { } problem)
        {
            throw new DomainException(problem);
        }

        if (launch.Steps.Count == 0 || launch.Steps.Select(s => s.ResourceName).Distinct(StringComparer.Ordinal).Count() != launch.Steps.Count)
        {
            throw new DomainException("A session needs steps with distinct resource names.");
        }

        if (launch.IdleTimeout <= TimeSpan.Zero)
        {
            throw new DomainException("A session's idle timeout must be positive.");
        }

        var session = new Session
        {
            Id = id,
            Owner = owner.Id,
            OwnerName = owner.Name,
            OwnerGroups = owner.Groups,
            Name = launch.Name.Trim(),
            LaunchKey = launch.LaunchKey,
            Request = request,
            State = SessionState.Requested,
            SchedulerAddress = launch.SchedulerAddress,
            HourlyCostUsd = launch.HourlyCostUsd,
            CreatedAt = now,
            ExpiresAt = now.AddHours(request.MaximumHours),
            IdleTimeout = launch.IdleTimeout,
            CleanUpOnFailure = launch.CleanUpOnFailure,
        };
        var order = 0;
        foreach (var spec in launch.Steps)
        {
            session._steps.Add(new SessionStep(order++, spec));
        }

        return session;
    }

    public SessionStep Step(string resourceName) =>
        _steps.FirstOrDefault(s => s.ResourceName == resourceName)
        ?? throw new DomainException($"Session {Id} has no step {resourceName}.");

    /// <summary>True while nothing the session created can still be running: the session stopped, or its clean-up is done.</summary>
    public bool HasEnded => EndedAt is not null;

    /// <summary>Records the notebook document written for this session, once, before anything is created.</summary>
    public void AttachNotebookDocument(string document)
    {
        ArgumentException.ThrowIfNullOrEmpty(document);
        Require(SessionState.Requested, "take its notebook");
        var step = _steps.Single(s => s.Kind == StepKind.Notebook);
        step.AttachDocument(document);
    }

    public void Rename(string name)
    {
        if (SessionName.Problem(name) is { } problem)
        {
            throw new DomainException(problem);
        }

        Name = name.Trim();
    }

    public void BeginProvisioning(DateTimeOffset now)
    {
        Require(SessionState.Requested, "start provisioning");
        State = SessionState.Provisioning;
        ProvisioningStartedAt = now;
        CostingSince = now;
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

    /// <summary>A call for a step failed for a reason that may pass (throttling, a server error, a failed delete); try again at <paramref name="retryAt"/>.</summary>
    public void RecordStepFailure(string resourceName, string message, DateTimeOffset retryAt) =>
        Step(resourceName).RecordFailure(message, retryAt);

    /// <summary>
    /// Records that a step's resource exists. A session that failed on another step still records it, so its
    /// timeline stays true and the clean-up deletes it.
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
    /// The session fails because of a step, which may still be on its way to its terminal state (a stack rolling back):
    /// the step stays in progress and is followed until <see cref="FailStep"/>. A session that already failed keeps
    /// its first reason.
    /// </summary>
    public void MarkFailing(string resourceName, string reason)
    {
        ArgumentNullException.ThrowIfNull(reason);
        var step = Step(resourceName);
        step.Observe(step.ProviderStatus ?? "FAILING", reason);
        if (State == SessionState.Failed)
        {
            return;
        }

        Require(SessionState.Provisioning, "fail");
        State = SessionState.Failed;
        FailureReason = SessionText.Clip(reason);
        FailedStep = resourceName;
    }

    /// <summary>
    /// A step reached a failed terminal state. While provisioning this fails the session with the step's reason; in a
    /// session that has already failed it only records the step.
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

    /// <summary>
    /// A failed session whose steps have all reached a terminal state deletes what it created (when
    /// <see cref="CleanUpOnFailure"/>). Steps that never started stay pending, for a retry.
    /// </summary>
    public bool CanBeginCleanUp =>
        State == SessionState.Failed && CleanUpOnFailure && EndedAt is null
        && _steps.All(s => s.Status != StepStatus.InProgress)
        && _steps.Any(s => s.Status is StepStatus.Complete or StepStatus.Failed);

    public void BeginCleanUp()
    {
        if (!CanBeginCleanUp)
        {
            throw new DomainException($"Session {Id} is {State}; it has nothing to clean up now.");
        }

        foreach (var step in _steps.Where(s => s.Status is StepStatus.Complete or StepStatus.Failed))
        {
            step.BeginDelete();
        }
    }

    /// <summary>A failed session whose clean-up has deleted everything stops costing.</summary>
    public void MarkCleanedUp(DateTimeOffset now)
    {
        Require(SessionState.Failed, "finish its clean-up");
        if (_steps.Any(s => s.MayHoldResources))
        {
            throw new DomainException($"Session {Id} still holds resources.");
        }

        EndedAt ??= now;
    }

    /// <summary>
    /// Retry a failed session: steps that failed are deleted and created again as new attempts (new create tokens),
    /// steps without a resource start again, complete steps are kept. The lifetime starts again.
    /// </summary>
    public void Retry(DateTimeOffset now)
    {
        Require(SessionState.Failed, "be retried");
        if (_steps.Any(s => s.Status == StepStatus.InProgress))
        {
            throw new DomainException("A step is still finishing; retry once it has.");
        }

        foreach (var step in _steps.Where(s => s.Status is StepStatus.Failed or StepStatus.Deleted or StepStatus.Deleting))
        {
            if (step.Status == StepStatus.Deleting)
            {
                step.PrepareRetryAfterDelete();
            }
            else
            {
                step.PrepareRetry();
            }
        }

        if (EndedAt is { } ended && CostingSince is { } since)
        {
            AccruedCostUsd += CostOf(since, ended);
            CostingSince = now;
        }

        EndedAt = null;
        State = SessionState.Provisioning;
        FailureReason = null;
        FailedStep = null;
        ExpiresAt = now.AddHours(Request.MaximumHours);
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
        TouchActivity(now);
    }

    /// <summary>The session reported a Dask task or notebook activity at <paramref name="at"/>; a ready session's idle deadline moves.</summary>
    public void RecordActivity(DateTimeOffset at)
    {
        if (State != SessionState.Ready || (LastActivityAt is { } last && at <= last))
        {
            return;
        }

        TouchActivity(at);
    }

    /// <summary>Extend: the idle deadline starts again from <paramref name="now"/>.</summary>
    public void ExtendIdle(DateTimeOffset now)
    {
        Require(SessionState.Ready, "be extended");
        TouchActivity(now);
    }

    /// <summary>The problem with extending the lifetime by <paramref name="by"/>, or null when it is allowed.</summary>
    public string? LifetimeExtensionProblem(TimeSpan by, TimeSpan maximumLifetime)
    {
        if (State is not (SessionState.Requested or SessionState.Provisioning or SessionState.Ready))
        {
            return $"A session that is {State} cannot be extended.";
        }

        if (by <= TimeSpan.Zero)
        {
            return "Extend by at least one hour.";
        }

        return ExpiresAt + by - CreatedAt > maximumLifetime
            ? $"A session may live at most {maximumLifetime.TotalHours:0.#} hours in all; it can be extended until {CreatedAt + maximumLifetime:yyyy-MM-dd HH:mm} UTC."
            : null;
    }

    public void ExtendLifetime(TimeSpan by, TimeSpan maximumLifetime)
    {
        if (LifetimeExtensionProblem(by, maximumLifetime) is { } problem)
        {
            throw new DomainException(problem);
        }

        ExpiresAt += by;
    }

    /// <summary>
    /// Starts tearing the session down, for <paramref name="reason"/>. Stopping a session that is already stopping or
    /// stopped changes nothing; a session that needs attention resumes its clean-up.
    /// </summary>
    public void RequestStop(DateTimeOffset now, string reason)
    {
        ArgumentNullException.ThrowIfNull(reason);
        if (State is SessionState.Stopping or SessionState.Stopped)
        {
            return;
        }

        State = SessionState.Stopping;
        StopRequestedAt ??= now;
        StopReason ??= SessionText.Clip(reason, 256);
        AttentionReason = null;
        IdleStopAt = null;
        foreach (var step in _steps)
        {
            if (step.MayHoldResources)
            {
                step.BeginDelete();
            }
            else if (step.Status != StepStatus.Deleted)
            {
                step.Deleted(now);
            }
        }
    }

    public void MarkStepDeleted(string resourceName, DateTimeOffset now)
    {
        if (State is not (SessionState.Stopping or SessionState.Failed or SessionState.Provisioning))
        {
            throw new DomainException($"Session {Id} is {State}; it cannot delete a step.");
        }

        var step = Step(resourceName);
        if (step.Status == StepStatus.Deleted)
        {
            return;
        }

        if (step.Status != StepStatus.Deleting)
        {
            throw new DomainException($"Step {resourceName} is {step.Status}; only a step being deleted can be deleted.");
        }

        if (step.RecreateAfterDelete && State == SessionState.Provisioning)
        {
            step.Renew();
        }
        else
        {
            step.Deleted(now);
        }
    }

    /// <summary>A clean-up could not delete a resource within its bound: an operator must act, and says so by resuming the stop.</summary>
    public void NeedAttention(string reason)
    {
        ArgumentNullException.ThrowIfNull(reason);
        if (State is not (SessionState.Stopping or SessionState.Failed or SessionState.Provisioning))
        {
            throw new DomainException($"Session {Id} is {State}; it cannot need attention.");
        }

        State = SessionState.NeedsAttention;
        AttentionReason = SessionText.Clip(reason);
        StopReason ??= "Clean-up after a failure";
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
        now >= ExpiresAt && !HasEnded && State is SessionState.Requested or SessionState.Provisioning or SessionState.Ready or SessionState.Failed;

    /// <summary>True once a ready session has reported no activity for its idle timeout.</summary>
    public bool IsIdle(DateTimeOffset now) => State == SessionState.Ready && IdleStopAt is { } at && now >= at;

    /// <summary>The next automatic stop of a live session (idle or lifetime, whichever comes first), or null.</summary>
    public AutoStop? NextAutoStop()
    {
        if (State is not (SessionState.Requested or SessionState.Provisioning or SessionState.Ready))
        {
            return null;
        }

        return IdleStopAt is { } idle && idle < ExpiresAt
            ? new AutoStop(idle, AutoStopCause.Idle)
            : new AutoStop(ExpiresAt, AutoStopCause.Lifetime);
    }

    /// <summary>
    /// What the session has cost: the sum of its resources, each from the start of its creation until its deletion
    /// completed (<see cref="SessionStep.CostSoFarUsd"/>). Sessions recorded before steps carried a rate: earlier
    /// attempts, plus the current one from the start of provisioning until it stopped costing, at the launch estimate.
    /// </summary>
    public decimal CostSoFarUsd(DateTimeOffset now)
    {
        // Sessions launched with a rate per resource add up their resources: each stops costing when it is deleted.
        if (_steps.Any(s => s.Spec.HourlyUsd > 0))
        {
            return decimal.Round(_steps.Sum(s => s.CostSoFarUsd(now)), 2, MidpointRounding.AwayFromZero);
        }

        if (CostingSince is not { } start)
        {
            return AccruedCostUsd;
        }

        return AccruedCostUsd + CostOf(start, EndedAt ?? now);
    }

    /// <summary>
    /// What the session cost within [<paramref name="from"/>, <paramref name="to"/>) (a calendar month, for budgets), as of
    /// <paramref name="now"/>: the current attempt by its costing interval, at the launch estimate. Earlier attempts
    /// (<see cref="AccruedCostUsd"/>) are spread evenly from the start of provisioning to the last retry, the only times
    /// the session keeps of them. The parts of a session that spans a month boundary add up to <see cref="CostSoFarUsd"/>
    /// (to the cent).
    /// </summary>
    public decimal CostWithinUsd(DateTimeOffset from, DateTimeOffset to, DateTimeOffset now)
    {
        if (to <= from)
        {
            return 0m;
        }

        // With a rate per resource: each resource's current attempt by its own interval; what earlier attempts cost
        // falls in the month the session first started provisioning.
        if (_steps.Any(s => s.Spec.HourlyUsd > 0))
        {
            var began = ProvisioningStartedAt ?? CreatedAt;
            var earlierInRange = began >= from && began < to;
            return decimal.Round(
                _steps.Sum(s => s.CostWithinUsd(from, to, now) + (earlierInRange ? s.AccruedUsd : 0m)),
                2,
                MidpointRounding.AwayFromZero);
        }

        if (CostingSince is not { } start)
        {
            return 0m;
        }

        var current = HourlyCostUsd * (decimal)Overlap(start, EndedAt ?? now, from, to).TotalHours;
        var earlier = 0m;
        if (AccruedCostUsd > 0 && ProvisioningStartedAt is { } first)
        {
            var span = start - first;
            earlier = span <= TimeSpan.Zero
                ? (start >= from && start < to ? AccruedCostUsd : 0m)
                : AccruedCostUsd * (decimal)(Overlap(first, start, from, to).TotalHours / span.TotalHours);
        }

        return decimal.Round(current + earlier, 2, MidpointRounding.AwayFromZero);
    }

    internal static TimeSpan Overlap(DateTimeOffset start, DateTimeOffset end, DateTimeOffset from, DateTimeOffset to)
    {
        var overlap = (end < to ? end : to) - (start > from ? start : from);
        return overlap > TimeSpan.Zero ? overlap : TimeSpan.Zero;
    }

    private decimal CostOf(DateTimeOffset start, DateTimeOffset end)
    {
        var hours = (decimal)Math.Max(0, (end - start).TotalHours);
        return decimal.Round(HourlyCostUsd * hours, 2, MidpointRounding.AwayFromZero);
    }

    private void TouchActivity(DateTimeOffset at)
    {
        LastActivityAt = at;
        IdleStopAt = at + IdleTimeout;
    }

    private void Require(SessionState expected, string action)
    {
        if (State != expected)
        {
            throw new DomainException($"Session {Id} is {State}; it cannot {action}.");
        }
    }
}

/// <summary>Why a session stops by itself.</summary>
public enum AutoStopCause
{
    /// <summary>No Dask task and no notebook activity for the idle timeout.</summary>
    Idle,

    /// <summary>The maximum lifetime ran out.</summary>
    Lifetime,
}

/// <summary>When a session stops by itself, and why.</summary>
public sealed record AutoStop(DateTimeOffset At, AutoStopCause Cause);
