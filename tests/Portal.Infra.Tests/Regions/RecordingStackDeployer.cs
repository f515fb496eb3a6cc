using System.Collections.Concurrent;
using Portal.Domain.Cloud;
using Portal.Domain.Regions;

namespace Portal.Infra.Tests.Regions;

/// <summary>
/// Passes every call to the real deployer and records the creates; it can hide stacks from describe calls (the
/// cloud's eventual consistency: a stack just created is not visible yet) or fail them (access denied).
/// </summary>
internal sealed class RecordingStackDeployer(IStackDeployer inner) : IStackDeployer
{
    public ConcurrentQueue<StackCreateRequest> Creates { get; } = new();

    /// <summary>While true, describe calls answer that no stack exists.</summary>
    public bool HideStacks { get; set; }

    /// <summary>When set, describe calls throw it.</summary>
    public CloudOperationException? DescribeFailure { get; set; }

    public Task<CreateOutcome> CreateStackAsync(StackCreateRequest request, CancellationToken cancellationToken)
    {
        Creates.Enqueue(request);
        return inner.CreateStackAsync(request, cancellationToken);
    }

    public async Task<StackDescription?> DescribeStackAsync(RegionCode region, string stackName, CancellationToken cancellationToken)
    {
        if (DescribeFailure is not null)
        {
            throw DescribeFailure;
        }

        var description = await inner.DescribeStackAsync(region, stackName, cancellationToken);
        return HideStacks ? null : description;
    }

    public Task<IReadOnlyList<StackEvent>> DescribeStackEventsAsync(RegionCode region, string stackName, CancellationToken cancellationToken) =>
        inner.DescribeStackEventsAsync(region, stackName, cancellationToken);

    public Task DeleteStackAsync(RegionCode region, string stackName, string clientRequestToken, CancellationToken cancellationToken) =>
        inner.DeleteStackAsync(region, stackName, clientRequestToken, cancellationToken);

    public Task<IReadOnlyList<StackSummary>> ListStacksAsync(RegionCode region, string namePrefix, CancellationToken cancellationToken) =>
        inner.ListStacksAsync(region, namePrefix, cancellationToken);
}
