using Portal.Domain.Regions;

namespace Portal.Domain.Sessions;

/// <summary>
/// What one step creates, decided once at launch: the kind, the region, the resource's name, the template (or
/// <see cref="NotebookTemplate"/>), its parameters and tags, and for the notebook the document placed in it.
/// </summary>
/// <param name="Document">The notebook (nbformat JSON) for a notebook step, written at launch; null for stacks.</param>
public sealed record StepSpec(
    StepKind Kind,
    RegionCode Region,
    string ResourceName,
    string Template,
    IReadOnlyDictionary<string, string> Parameters,
    IReadOnlyDictionary<string, string> Tags,
    string? Document = null)
{
    /// <summary>The <see cref="Template"/> of a notebook step: a SageMaker notebook instance, not a stack.</summary>
    public const string NotebookTemplate = "NotebookInstance";

    /// <summary>The notebook step's parameter holding the SageMaker instance type.</summary>
    public const string InstanceTypeParameter = "InstanceType";

    /// <summary>The notebook step's parameter holding the notebook's file name.</summary>
    public const string FileNameParameter = "FileName";

    /// <summary>What the step's resource costs per hour while it exists, from the launch estimate (0 when unknown).</summary>
    public decimal HourlyUsd { get; init; }

    /// <summary>The value of a parameter, or null when the step has none of that name.</summary>
    public string? Parameter(string name) => Parameters.TryGetValue(name, out var value) ? value : null;
}
