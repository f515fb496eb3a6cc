using Portal.Domain.Regions;

namespace Portal.Domain.Sessions;

/// <summary>What a step creates.</summary>
public enum StepKind
{
    /// <summary>The SessionScheduler stack in the home region.</summary>
    Scheduler,

    /// <summary>A SessionWorkers stack in a worker region.</summary>
    Workers,

    /// <summary>The SageMaker notebook instance, created once the stacks are complete.</summary>
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

/// <summary>One resource a session creates (a stack or the notebook instance) and how far it got.</summary>
public sealed class SessionStep
{
    private SessionStep()
    {
        ResourceName = string.Empty;
    }

    internal SessionStep(int order, StepKind kind, RegionCode region, string resourceName)
    {
        Order = order;
        Kind = kind;
        Region = region;
        ResourceName = resourceName;
        Status = StepStatus.Pending;
    }

    /// <summary>Position in the plan; the notebook is always last.</summary>
    public int Order { get; private set; }

    public StepKind Kind { get; private set; }

    public RegionCode Region { get; private set; }

    /// <summary>The stack name or notebook instance name; unique within the session.</summary>
    public string ResourceName { get; private set; }

    public StepStatus Status { get; private set; }

    /// <summary>The provider's own status word (for example CREATE_IN_PROGRESS or InService), for display.</summary>
    public string? ProviderStatus { get; private set; }

    public string? Message { get; private set; }

    public DateTimeOffset? StartedAt { get; private set; }

    public DateTimeOffset? CompletedAt { get; private set; }

    /// <summary>True while the cloud may hold something for this step that a stop must remove.</summary>
    public bool MayHoldResources => Status is StepStatus.InProgress or StepStatus.Complete or StepStatus.Failed or StepStatus.Deleting;

    internal void Start(DateTimeOffset now)
    {
        Status = StepStatus.InProgress;
        StartedAt ??= now;
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
    }

    internal void Fail(string reason, DateTimeOffset now)
    {
        Status = StepStatus.Failed;
        Message = SessionText.Clip(reason);
        CompletedAt = now;
    }

    internal void BeginDelete() => Status = StepStatus.Deleting;

    internal void Deleted(DateTimeOffset now)
    {
        Status = StepStatus.Deleted;
        CompletedAt = now;
    }
}
