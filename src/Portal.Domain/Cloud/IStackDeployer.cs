using Portal.Domain.Regions;

namespace Portal.Domain.Cloud;

/// <summary>Creates, watches and deletes CloudFormation stacks in any region.</summary>
public interface IStackDeployer
{
    /// <summary>Starts creating a stack. Calling again with the same token is safe.</summary>
    Task<CreateOutcome> CreateStackAsync(StackCreateRequest request, CancellationToken cancellationToken);

    /// <summary>The stack, or null when no stack of that name exists (never created, or deleted).</summary>
    Task<StackDescription?> DescribeStackAsync(RegionCode region, string stackName, CancellationToken cancellationToken);

    /// <summary>The stack's events, newest first (CloudFormation's order).</summary>
    Task<IReadOnlyList<StackEvent>> DescribeStackEventsAsync(RegionCode region, string stackName, CancellationToken cancellationToken);

    /// <summary>Starts deleting a stack. Deleting a stack that does not exist succeeds.</summary>
    Task DeleteStackAsync(RegionCode region, string stackName, string clientRequestToken, CancellationToken cancellationToken);

    /// <summary>
    /// Every stack in <paramref name="region"/> whose name starts with <paramref name="namePrefix"/> (ordinal, case
    /// sensitive) and whose status is not DELETE_COMPLETE, with its tags; a stack being deleted is still listed. In no
    /// particular order. An empty prefix lists every stack.
    /// </summary>
    Task<IReadOnlyList<StackSummary>> ListStacksAsync(RegionCode region, string namePrefix, CancellationToken cancellationToken);
}
