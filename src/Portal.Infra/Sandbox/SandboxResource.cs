namespace Portal.Infra.Sandbox;

/// <summary>What kind of resource the sandbox cloud holds.</summary>
internal enum SandboxResourceKind
{
    Stack,
    NotebookInstance,
}

/// <summary>
/// A stack or notebook instance of the sandbox cloud. Only the requests and their times are stored; statuses
/// are computed from them and the clock, so a restarted portal finds every resource where it would be.
/// </summary>
internal sealed class SandboxResource
{
    public long Id { get; set; }

    public SandboxResourceKind Kind { get; set; }

    public required string Region { get; set; }

    public required string Name { get; set; }

    public required string ResourceId { get; set; }

    /// <summary>Template name for stacks, instance type for notebook instances.</summary>
    public required string Shape { get; set; }

    public string ParametersJson { get; set; } = "{}";

    public string TagsJson { get; set; } = "{}";

    public string? ClientRequestToken { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? StopRequestedAt { get; set; }

    public DateTimeOffset? DeleteRequestedAt { get; set; }

    /// <summary>True once a delete has finished: the name is free again and describe calls no longer see it.</summary>
    public bool IsGone { get; set; }

    public string? DocumentFileName { get; set; }

    public string? DocumentContent { get; set; }
}
