namespace Portal.Infra.Orchestration;

/// <summary>What the cloud says of a step's resource, in the words the step engine acts on.</summary>
internal enum StepCondition
{
    /// <summary>The cloud has no such resource (not created yet, not visible yet, or gone).</summary>
    Missing,

    /// <summary>Being created.</summary>
    Creating,

    /// <summary>Created and usable.</summary>
    Created,

    /// <summary>Creation failed and the resource is on its way to a terminal state (a stack rolling back).</summary>
    Failing,

    /// <summary>Creation failed; the resource has reached its terminal state.</summary>
    Failed,

    /// <summary>Being deleted (or stopped on the way to being deleted).</summary>
    Deleting,

    /// <summary>A delete failed; it must be asked again.</summary>
    DeleteFailed,
}

/// <summary>A step's resource as the cloud reports it: the condition, the provider's own word, and its reason.</summary>
internal sealed record StepObservation(StepCondition Condition, string ProviderStatus, string? Reason = null)
{
    public static StepObservation Missing { get; } = new(StepCondition.Missing, "NOT_FOUND");
}
