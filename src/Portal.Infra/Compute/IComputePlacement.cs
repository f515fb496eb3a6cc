using Portal.Domain.LaunchPlans;

namespace Portal.Infra.Compute;

/// <summary>
/// Where a session's plan runs: in the cloud as planned, or as local processes. Applied once, at launch, before the
/// steps are recorded: a session keeps the placement it was launched with whatever the configuration says later.
/// </summary>
internal interface IComputePlacement
{
    /// <summary>The folder the notebook finds datasets under instead of their FSx paths; null where FSx mounts them.</summary>
    string? DataRoot { get; }

    LaunchPlan Place(LaunchPlan plan);
}

/// <summary>The plan as the planner made it: CloudFormation stacks and a SageMaker notebook (AWS, or the simulated sandbox).</summary>
internal sealed class CloudPlacement : IComputePlacement
{
    public string? DataRoot => null;

    public LaunchPlan Place(LaunchPlan plan) => plan;
}
