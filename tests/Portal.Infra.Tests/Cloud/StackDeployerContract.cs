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

    [Fact]
    public async Task List_returns_the_stacks_whose_names_start_with_the_prefix_with_the_tags_given_at_create()
    {
        var ct = TestContext.Current.CancellationToken;
        var createdAt = Time.GetUtcNow();
        var aliceTags = new Dictionary<string, string> { ["portal-session"] = "l1-a", ["portal-owner"] = "alice" };
        var alice = await Deployer.CreateStackAsync(Request("portal-l1-a", "l1-a-create") with { Tags = aliceTags }, ct);
        var bob = await Deployer.CreateStackAsync(Request("portal-l1-b", "l1-b-create"), ct);
        await Deployer.CreateStackAsync(Request("portal-l2-c", "l2-c-create"), ct);
        await Deployer.CreateStackAsync(Request("other-portal-l1-d", "l1-d-create"), ct);
        await Deployer.CreateStackAsync(Request("portal-l1-e", "l1-e-create") with { Region = OtherRegion }, ct);

        var listed = await Deployer.ListStacksAsync(Region, "portal-l1-", ct);

        Assert.Equal(["portal-l1-a", "portal-l1-b"], listed.Select(s => s.StackName).Order(StringComparer.Ordinal));
        var a = Assert.Single(listed, s => s.StackName == "portal-l1-a");
        Assert.Equal(alice.ResourceId, a.StackId);
        Assert.Equal(StackStatuses.CreateInProgress, a.Status);
        Assert.Equal(createdAt, a.CreatedAt);
        AssertCarries(aliceTags, a.Tags);
        var b = Assert.Single(listed, s => s.StackName == "portal-l1-b");
        Assert.Equal(bob.ResourceId, b.StackId);
        AssertCarries(Request("portal-l1-b", "l1-b-create").Tags, b.Tags);
        Assert.Equal(4, (await Deployer.ListStacksAsync(Region, string.Empty, ct)).Count);
        Assert.Empty(await Deployer.ListStacksAsync(Region, "Portal-l1-", ct));
    }

    [Fact]
    public async Task List_shows_a_stack_being_deleted_and_leaves_it_out_once_it_is_gone()
    {
        var ct = TestContext.Current.CancellationToken;
        await Deployer.CreateStackAsync(Request("portal-l3-keep", "l3-keep-create"), ct);
        await Deployer.CreateStackAsync(Request("portal-l3-gone", "l3-gone-create"), ct);
        await WaitForAsync(
            () => Deployer.DescribeStackAsync(Region, "portal-l3-gone", ct),
            s => s is not null && StackStatuses.IsCreated(s.Status),
            "CREATE_COMPLETE");

        await Deployer.DeleteStackAsync(Region, "portal-l3-gone", "l3-gone-delete", ct);

        var deleting = await Deployer.ListStacksAsync(Region, "portal-l3-", ct);
        Assert.Equal(StackStatuses.DeleteInProgress, Assert.Single(deleting, s => s.StackName == "portal-l3-gone").Status);
        await WaitForAsync(() => Deployer.DescribeStackAsync(Region, "portal-l3-gone", ct), s => s is null, "the stack to be gone");
        var listed = await Deployer.ListStacksAsync(Region, "portal-l3-", ct);
        var kept = Assert.Single(listed);
        Assert.Equal("portal-l3-keep", kept.StackName);
        Assert.Equal(StackStatuses.CreateComplete, kept.Status);
    }

    [Fact]
    public async Task List_shows_only_the_new_stack_when_a_deleted_name_is_used_again()
    {
        var ct = TestContext.Current.CancellationToken;
        await Deployer.CreateStackAsync(Request("portal-l4-again", "l4-first-create"), ct);
        await Deployer.DeleteStackAsync(Region, "portal-l4-again", "l4-first-delete", ct);
        await WaitForAsync(() => Deployer.DescribeStackAsync(Region, "portal-l4-again", ct), s => s is null, "the stack to be gone");

        var second = await Deployer.CreateStackAsync(Request("portal-l4-again", "l4-second-create"), ct);

        var listed = Assert.Single(await Deployer.ListStacksAsync(Region, "portal-l4-", ct));
        Assert.Equal(second.ResourceId, listed.StackId);
        Assert.Equal(StackStatuses.CreateInProgress, listed.Status);
    }

    [Fact]
    public async Task List_returns_every_stack_however_many_pages_it_takes()
    {
        var ct = TestContext.Current.CancellationToken;
        var names = Enumerable.Range(1, 5).Select(i => $"portal-l5-s{i}").ToList();
        foreach (var name in names)
        {
            await Deployer.CreateStackAsync(Request(name, name + "-create") with { Tags = new Dictionary<string, string> { ["portal-session"] = name } }, ct);
        }

        var listed = await Deployer.ListStacksAsync(Region, "portal-l5-", ct);

        Assert.Equal(names, listed.Select(s => s.StackName).Order(StringComparer.Ordinal));
        Assert.All(listed, s => Assert.Equal(s.StackName, s.Tags["portal-session"]));
    }

    /// <summary>A region other than <see cref="Region"/>, for what must not show there.</summary>
    protected static RegionCode OtherRegion => RegionCode.Parse("us-west-2");

    /// <summary>Every tag given at create is on the resource; a provider may add its own (AWS adds portal-managed).</summary>
    protected static void AssertCarries(IReadOnlyDictionary<string, string> given, IReadOnlyDictionary<string, string> actual)
    {
        ArgumentNullException.ThrowIfNull(given);
        ArgumentNullException.ThrowIfNull(actual);
        Assert.All(given, tag => Assert.Equal(tag.Value, Assert.Contains(tag.Key, actual)));
    }
}
