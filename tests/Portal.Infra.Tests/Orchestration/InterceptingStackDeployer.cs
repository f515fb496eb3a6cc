using Portal.Domain.Cloud;
using Portal.Domain.Regions;

namespace Portal.Infra.Tests.Orchestration;

/// <summary>
/// Passes every call to the real deployer, with hooks around stack creation: a hook can throw (the cloud refused, the
/// portal died) or act in between (a user pressed Stop while the call was in flight).
/// </summary>
internal sealed class InterceptingStackDeployer(IStackDeployer inner) : IStackDeployer
{
    private int _createCalls;

    /// <summary>Runs before the create reaches the cloud; throwing stops it there.</summary>
    public Func<StackCreateRequest, Task>? BeforeCreate { get; set; }

    /// <summary>Runs after the cloud accepted the create, before the caller sees the answer.</summary>
    public Func<StackCreateRequest, Task>? AfterCreate { get; set; }

    /// <summary>Sees each description before the caller does and may replace it (a delete that failed, say).</summary>
    public Func<string, StackDescription?, StackDescription?>? AfterDescribe { get; set; }

    /// <summary>Every delete asked for, as (stack name, client request token), in order.</summary>
    public System.Collections.Concurrent.ConcurrentQueue<(string StackName, string Token)> Deletes { get; } = new();

    public int CreateCalls => Volatile.Read(ref _createCalls);

    public async Task<CreateOutcome> CreateStackAsync(StackCreateRequest request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _createCalls);
        if (BeforeCreate is not null)
        {
            await BeforeCreate(request);
        }

        var outcome = await inner.CreateStackAsync(request, cancellationToken);
        if (AfterCreate is not null)
        {
            await AfterCreate(request);
        }

        return outcome;
    }

    public async Task<StackDescription?> DescribeStackAsync(RegionCode region, string stackName, CancellationToken cancellationToken)
    {
        var description = await inner.DescribeStackAsync(region, stackName, cancellationToken);
        return AfterDescribe is null ? description : AfterDescribe(stackName, description);
    }

    public Task<IReadOnlyList<StackEvent>> DescribeStackEventsAsync(RegionCode region, string stackName, CancellationToken cancellationToken) =>
        inner.DescribeStackEventsAsync(region, stackName, cancellationToken);

    /// <summary>Runs before a delete reaches the cloud; throwing stops it there (a cloud that keeps failing).</summary>
    public Func<string, Task>? BeforeDelete { get; set; }

    public async Task DeleteStackAsync(RegionCode region, string stackName, string clientRequestToken, CancellationToken cancellationToken)
    {
        Deletes.Enqueue((stackName, clientRequestToken));
        if (BeforeDelete is not null)
        {
            await BeforeDelete(stackName);
        }

        await inner.DeleteStackAsync(region, stackName, clientRequestToken, cancellationToken);
    }

    public Task<IReadOnlyList<StackSummary>> ListStacksAsync(RegionCode region, string namePrefix, CancellationToken cancellationToken) =>
        inner.ListStacksAsync(region, namePrefix, cancellationToken);
}
