using Portal.Domain.Regions;

namespace Portal.Domain.Sessions;

/// <summary>What a step creates.</summary>
public enum StepKind
{
    /// <summary>The SessionScheduler stack in the home region.</summary>
    Scheduler,

    /// <summary>A SessionWorkers stack in a worker region.</summary>
    Workers,

    /// <summary>The SageMaker notebook instance; it starts beside the stacks (the scheduler's address is in the plan).</summary>
    Notebook,
}

/// <summary>Where one step is.</summary>
public enum StepStatus
{
    Pending,
    InProgress,
    Complete,
    Failed,
    Deleting,
    Deleted,
}

/// <summary>
/// One resource a session creates (a stack or the notebook instance): what it creates, recorded once at launch, and how
/// far it got. The background work creates exactly <see cref="Spec"/> and deletes exactly <see cref="ResourceName"/>; a
/// configuration change after launch never changes a recorded step.
/// </summary>
public sealed class SessionStep
{
    private SessionStep()
    {
        ResourceName = string.Empty;
        Spec = null!;
    }

    internal SessionStep(int order, StepSpec spec)
    {
        Order = order;
        Kind = spec.Kind;
        Region = spec.Region;
        ResourceName = spec.ResourceName;
        Spec = spec;
        Attempt = 1;
        Status = StepStatus.Pending;
    }

    /// <summary>Position in the plan (scheduler, workers by region, notebook).</summary>
    public int Order { get; private set; }

    public StepKind Kind { get; private set; }

    public RegionCode Region { get; private set; }

    /// <summary>The stack name or notebook instance name; unique within the session.</summary>
    public string ResourceName { get; private set; }

    /// <summary>What the step creates, as recorded at launch.</summary>
    public StepSpec Spec { get; private set; }

    /// <summary>1 for the launch; each retry of this step adds one (and so gets a new create token).</summary>
    public int Attempt { get; private set; }

    /// <summary>The idempotency token of this attempt's create call: a repeated call is the same request, a retry is a new one.</summary>
    public string CreateToken => Attempt == 1 ? ResourceName + "-create" : $"{ResourceName}-create-{Attempt}";

    public StepStatus Status { get; private set; }

    /// <summary>The provider's own status word (for example CREATE_IN_PROGRESS or InService), for display.</summary>
    public string? ProviderStatus { get; private set; }

    public string? Message { get; private set; }

    public DateTimeOffset? StartedAt { get; private set; }

    /// <summary>When the resource was created (or failed); a step deleted before it was created ends here when deleted.</summary>
    public DateTimeOffset? CompletedAt { get; private set; }

    /// <summary>When the resource was gone (the delete completed); null while it may still exist.</summary>
    public DateTimeOffset? DeletedAt { get; private set; }

    /// <summary>What earlier attempts of this step cost (a retry starts the clock again for the new resource).</summary>
    public decimal AccruedUsd { get; private set; }

    /// <summary>How many calls for this step failed in a row (the cloud errored, a delete failed); reset when one succeeds.</summary>
    public int Failures { get; private set; }

    /// <summary>Not before this instant is the step's resource asked again (backoff after a failure).</summary>
    public DateTimeOffset? NextAttemptAt { get; private set; }

    /// <summary>True when a retry asked for this step: once its old resource is deleted it is created again.</summary>
    public bool RecreateAfterDelete { get; private set; }

    /// <summary>True while the cloud may hold something for this step that a stop must remove.</summary>
    public bool MayHoldResources => Status is StepStatus.InProgress or StepStatus.Complete or StepStatus.Failed or StepStatus.Deleting;

    /// <summary>
    /// What this step's resources have cost: earlier attempts, plus the current one at the launch rate from the moment its
    /// creation started until its deletion completed (or <paramref name="now"/>). Unrounded.
    /// </summary>
    public decimal CostSoFarUsd(DateTimeOffset now) => AccruedUsd + CurrentAttemptUsd(now);

    /// <summary>What the current attempt cost within [<paramref name="from"/>, <paramref name="to"/>) as of <paramref name="now"/>; unrounded.</summary>
    internal decimal CostWithinUsd(DateTimeOffset from, DateTimeOffset to, DateTimeOffset now) =>
        StartedAt is { } start && Spec.HourlyUsd != 0m
            ? Spec.HourlyUsd * (decimal)Session.Overlap(start, DeletedAt ?? now, from, to).TotalHours
            : 0m;

    private decimal CurrentAttemptUsd(DateTimeOffset now)
    {
        if (StartedAt is not { } start || Spec.HourlyUsd == 0m)
        {
            return 0m;
        }

        var end = DeletedAt ?? now;
        return Spec.HourlyUsd * (decimal)Math.Max(0, (end - start).TotalHours);
    }

    /// <summary>True when the step waits for a backoff to run out at <paramref name="now"/>.</summary>
    public bool IsBackingOff(DateTimeOffset now) => NextAttemptAt is { } next && now < next;

    internal void AttachDocument(string document)
    {
        if (Spec.Document is not null)
        {
            throw new DomainException($"Step {ResourceName} has its document already: a recorded step does not change.");
        }

        Spec = Spec with { Document = document };
    }

    internal void Start(DateTimeOffset now)
    {
        Status = StepStatus.InProgress;
        StartedAt ??= now;
        Failures = 0;
        NextAttemptAt = null;
    }

    internal void Observe(string providerStatus, string? message)
    {
        ProviderStatus = SessionText.Clip(providerStatus, 64);
        Message = message is null ? null : SessionText.Clip(message);
    }

    internal void Complete(DateTimeOffset now)
    {
        Status = StepStatus.Complete;
        CompletedAt = now;
        Failures = 0;
        NextAttemptAt = null;
    }

    internal void Fail(string reason, DateTimeOffset now)
    {
        Status = StepStatus.Failed;
        Message = SessionText.Clip(reason);
        CompletedAt = now;
        NextAttemptAt = null;
    }

    internal void BeginDelete()
    {
        Status = StepStatus.Deleting;
        Failures = 0;
        NextAttemptAt = null;
    }

    /// <summary>The resource is gone. A step that was created keeps when (<see cref="CompletedAt"/>): later sessions learn from it.</summary>
    internal void Deleted(DateTimeOffset now)
    {
        Status = StepStatus.Deleted;
        CompletedAt ??= now;
        DeletedAt ??= now;
        Failures = 0;
        NextAttemptAt = null;
    }

    /// <summary>A call for this step failed; the next one waits until <paramref name="retryAt"/>.</summary>
    internal void RecordFailure(string message, DateTimeOffset retryAt)
    {
        Failures++;
        Message = SessionText.Clip(message);
        NextAttemptAt = retryAt;
    }

    /// <summary>Retry: a step without a resource starts again as a new attempt; one with a resource is deleted first.</summary>
    internal void PrepareRetry()
    {
        if (Status is StepStatus.Failed)
        {
            Status = StepStatus.Deleting;
            RecreateAfterDelete = true;
        }
        else
        {
            Renew();
        }

        Failures = 0;
        NextAttemptAt = null;
    }

    /// <summary>Retry while the step's resource is being deleted (a clean-up): once it is gone, it is created again.</summary>
    internal void PrepareRetryAfterDelete()
    {
        RecreateAfterDelete = true;
        Failures = 0;
        NextAttemptAt = null;
    }

    /// <summary>The old resource is gone: the step is pending again, as a new attempt with a new create token.</summary>
    internal void Renew()
    {
        // The old resource is gone: what it cost stays with the step.
        if (DeletedAt is { } gone)
        {
            AccruedUsd += CurrentAttemptUsd(gone);
        }

        DeletedAt = null;
        Status = StepStatus.Pending;
        Attempt++;
        RecreateAfterDelete = false;
        ProviderStatus = null;
        Message = null;
        StartedAt = null;
        CompletedAt = null;
    }
}
