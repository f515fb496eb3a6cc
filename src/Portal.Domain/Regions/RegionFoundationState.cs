using Portal.Domain.Cloud;
using Portal.Domain.Datasets;
namespace Portal.Domain.Regions;

/// <summary>A worker region's foundation as the cloud reports it now.</summary>
/// <param name="Region">The worker region.</param>
/// <param name="StackName"><c>portal-region-&lt;region&gt;</c>, whether or not it exists.</param>
/// <param name="Status">What the portal makes of the stack status.</param>
/// <param name="StackStatus">CloudFormation's own status word; null when there is no stack.</param>
/// <param name="Reason">Why it failed (the first resource that failed), or why the portal could not tell.</param>
/// <param name="CreatedAt">When the stack was created; null when there is none.</param>
/// <param name="RecentEvents">The stack's newest events first, at most <see cref="IRegionFoundations.RecentEventCount"/>.</param>
/// <param name="Datasets">The datasets the foundation links (or would link) to FSx.</param>
public sealed record RegionFoundationState(
    Region Region,
    string StackName,
    FoundationStatus Status,
    string? StackStatus,
    string? Reason,
    DateTimeOffset? CreatedAt,
    IReadOnlyList<StackEvent> RecentEvents,
    IReadOnlyList<Dataset> Datasets);

/// <summary>What became of an admin's request to create or delete a foundation.</summary>
public enum FoundationCommandOutcome
{
    /// <summary>CloudFormation accepted the request; the status changes over the next minutes.</summary>
    Started,

    /// <summary>Nothing to do: it is already being done, or already done.</summary>
    Unchanged,

    /// <summary>The portal did not ask the cloud: the message says why and what to do.</summary>
    Refused,

    /// <summary>The actor is not an admin.</summary>
    Forbidden,

    /// <summary>The cloud refused or failed; the message is its reason.</summary>
    Failed,
}

/// <summary>The outcome of a create or delete, with a sentence for the admin.</summary>
public sealed record FoundationCommandResult(FoundationCommandOutcome Outcome, string Message)
{
    public bool Succeeded => Outcome is FoundationCommandOutcome.Started or FoundationCommandOutcome.Unchanged;
}

/// <summary>The stack a create would make, or why none can be made.</summary>
public sealed record FoundationPlanResult(RegionFoundationSpec? Spec, IReadOnlyList<string> Problems);
