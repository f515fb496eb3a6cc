using Portal.Domain.Cloud;
using Portal.Domain.Regions;

namespace Portal.Infra.Tests.Cloud;

/// <summary>
/// The behaviour every <see cref="IStackDeployer"/> must show. A provider's test class derives from this, builds the
/// deployer in <see cref="CreateDeployerAsync"/> on <see cref="CloudContract.Time"/>, and inherits every test.
/// </summary>
public abstract class StackDeployerContract : CloudContract
{
    private IStackDeployer? _deployer;

    protected IStackDeployer Deployer => _deployer ?? throw new InvalidOperationException("Not initialised.");

    /// <summary>The region stacks go to. Defaults to us-east-1 (a worker region).</summary>
    protected virtual RegionCode Region => RegionCode.Parse("us-east-1");

    public override async ValueTask InitializeAsync() => _deployer = await CreateDeployerAsync();

    /// <summary>Builds the provider's deployer, taking its time from <see cref="CloudContract.Time"/>.</summary>
    protected abstract ValueTask<IStackDeployer> CreateDeployerAsync();

    protected StackCreateRequest Request(string name, string token) => new(
        Region,
        name,
        "SessionWorkers",
        new Dictionary<string, string> { ["SessionId"] = "contract", ["WorkerCount"] = "2" },
        new Dictionary<string, string> { ["portal-session"] = "contract" },
        token);

    [Fact]
    public async Task Create_starts_in_progress_and_completes()
    {
        var ct = TestContext.Current.CancellationToken;
        var outcome = await Deployer.CreateStackAsync(Request("portal-c1-workers", "c1-workers-create"), ct);

        Assert.False(outcome.AlreadyExisted);
        Assert.False(string.IsNullOrEmpty(outcome.ResourceId));
        var first = await Deployer.DescribeStackAsync(Region, "portal-c1-workers", ct);
        Assert.NotNull(first);
        Assert.Equal(StackStatuses.CreateInProgress, first.Status);
        Assert.Equal("portal-c1-workers", first.StackName);
        Assert.Equal(outcome.ResourceId, first.StackId);

        var done = await WaitForAsync(
            () => Deployer.DescribeStackAsync(Region, "portal-c1-workers", ct),
            s => s is not null && s.Status != StackStatuses.CreateInProgress,
            "CREATE_COMPLETE");
        Assert.Equal(StackStatuses.CreateComplete, done!.Status);
        Assert.True(StackStatuses.IsCreated(done.Status));
        Assert.True(done.CreatedAt <= Time.GetUtcNow());
    }

    [Fact]
    public async Task Events_appear_newest_first_and_end_with_the_stack_complete()
    {
        var ct = TestContext.Current.CancellationToken;
        await Deployer.CreateStackAsync(Request("portal-c2-workers", "c2-workers-create"), ct);

        var started = await Deployer.DescribeStackEventsAsync(Region, "portal-c2-workers", ct);
        Assert.NotEmpty(started);
        Assert.Equal(StackStatuses.CreateInProgress, started[^1].ResourceStatus);

        await WaitForAsync(
            () => Deployer.DescribeStackAsync(Region, "portal-c2-workers", ct),
            s => s is not null && StackStatuses.IsCreated(s.Status),
            "CREATE_COMPLETE");
        var events = await Deployer.DescribeStackEventsAsync(Region, "portal-c2-workers", ct);

        Assert.True(events.Count > started.Count);
        Assert.Equal(events.OrderByDescending(e => e.Timestamp).Select(e => e.EventId), events.Select(e => e.EventId));
        Assert.Equal("portal-c2-workers", events[0].LogicalResourceId);
        Assert.Equal(StackStatuses.CreateComplete, events[0].ResourceStatus);
        Assert.Contains(events, e => e.LogicalResourceId != "portal-c2-workers");
        Assert.Equal(events.Count, events.Select(e => e.EventId).Distinct().Count());
    }

    /// <remarks>
    /// CloudFormation answers a create repeated with the same token as it answered the first (the token makes a retry
    /// safe), so whether a provider reports <see cref="CreateOutcome.AlreadyExisted"/> is not part of the contract.
    /// </remarks>
    [Fact]
    public async Task Create_again_with_the_same_token_succeeds_with_the_same_stack_and_makes_no_second_one()
    {
        var ct = TestContext.Current.CancellationToken;
        var first = await Deployer.CreateStackAsync(Request("portal-c3-workers", "c3-workers-create"), ct);
        await AdvanceAsync(TimeSpan.FromSeconds(30));

        var second = await Deployer.CreateStackAsync(Request("portal-c3-workers", "c3-workers-create"), ct);

        Assert.Equal(first.ResourceId, second.ResourceId);
        var stack = await Deployer.DescribeStackAsync(Region, "portal-c3-workers", ct);
        Assert.Equal(first.ResourceId, stack!.StackId);
        var events = await Deployer.DescribeStackEventsAsync(Region, "portal-c3-workers", ct);
        Assert.Single(events, e => e.LogicalResourceId == "portal-c3-workers" && e.ResourceStatus == StackStatuses.CreateInProgress);
    }

    [Fact]
    public async Task Create_of_a_name_taken_by_another_request_fails_with_a_clear_message()
    {
        var ct = TestContext.Current.CancellationToken;
        await Deployer.CreateStackAsync(Request("portal-c4-workers", "c4-workers-create"), ct);

        var error = await Assert.ThrowsAsync<CloudOperationException>(
            () => Deployer.CreateStackAsync(Request("portal-c4-workers", "someone-else-entirely"), ct));

        Assert.Contains("portal-c4-workers", error.Message, StringComparison.Ordinal);
        Assert.Contains("already exists", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Describe_of_a_missing_stack_is_null()
    {
        var stack = await Deployer.DescribeStackAsync(Region, "portal-never-created", TestContext.Current.CancellationToken);

        Assert.Null(stack);
    }

    [Fact]
    public async Task Delete_makes_the_stack_gone()
    {
        var ct = TestContext.Current.CancellationToken;
        await Deployer.CreateStackAsync(Request("portal-c5-workers", "c5-workers-create"), ct);
        await WaitForAsync(
            () => Deployer.DescribeStackAsync(Region, "portal-c5-workers", ct),
            s => s is not null && StackStatuses.IsCreated(s.Status),
            "CREATE_COMPLETE");

        await Deployer.DeleteStackAsync(Region, "portal-c5-workers", "c5-workers-delete", ct);

        var gone = await WaitForAsync(
            () => Deployer.DescribeStackAsync(Region, "portal-c5-workers", ct),
            s => s is null,
            "the stack to be gone");
        Assert.Null(gone);
    }

    [Fact]
    public async Task Deleting_a_missing_stack_succeeds()
    {
        await Deployer.DeleteStackAsync(Region, "portal-never-created", "never-delete", TestContext.Current.CancellationToken);
    }
}
