using System.Text.Json;
using Portal.Domain.Cloud;
using Portal.Domain.Datasets;
using Portal.Domain.LaunchPlans;
using Portal.Domain.Regions;
using Portal.Infra.Regions;
using Portal.Infra.Tests.Support;
using static Portal.Infra.Tests.Regions.FoundationTestHost;

namespace Portal.Infra.Tests.Regions;

/// <summary>Reading and creating foundations on the sandbox cloud, through the portal's own composition and a fake clock.</summary>
public sealed class RegionFoundationServiceTests : IAsyncLifetime
{
    private FoundationTestHost? _foundations;

    private FoundationTestHost Foundations => _foundations ?? throw new InvalidOperationException("Not initialised.");

    private IRegionFoundations Service => Foundations.Service;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _foundations = await FoundationTestHost.CreateAsync(Ct);

    public async ValueTask DisposeAsync()
    {
        if (_foundations is not null)
        {
            await _foundations.DisposeAsync();
        }
    }

    [Fact]
    public async Task Lists_every_worker_region_without_a_foundation_at_first()
    {
        var states = await Service.ListAsync(Grace, Ct);

        Assert.Equal(["us-east-1", "us-west-2"], states.Select(s => s.Region.Code.Value));
        Assert.All(states, s => Assert.Equal((FoundationStatus.None, (string?)null), (s.Status, s.StackStatus)));
        Assert.Equal([DatasetCatalog.Era5], states[0].Datasets.Select(d => d.Id));
        Assert.Equal("portal-region-us-east-1", states[0].StackName);
    }

    [Fact]
    public async Task Create_starts_the_stack_which_is_creating_and_then_ready_with_its_events()
    {
        var result = await Service.CreateAsync(Grace, UsEast1, Ct);

        Assert.Equal(FoundationCommandOutcome.Started, result.Outcome);
        Assert.Contains("FSx for Lustre takes about 10 minutes", result.Message, StringComparison.Ordinal);
        var creating = await Foundations.GetAsync(UsEast1, Ct);
        Assert.Equal((FoundationStatus.Creating, "CREATE_IN_PROGRESS"), (creating.Status, creating.StackStatus));
        Assert.Equal(InfraTestHost.Start, creating.CreatedAt);
        var first = Assert.Single(creating.RecentEvents);
        Assert.Equal(("portal-region-us-east-1", "CREATE_IN_PROGRESS", "User Initiated"), (first.LogicalResourceId, first.ResourceStatus, first.ResourceStatusReason));

        Foundations.Host.Clock.Advance(TimeSpan.FromSeconds(2));
        var halfway = await Foundations.GetAsync(UsEast1, Ct);
        Assert.Equal(FoundationStatus.Creating, halfway.Status);
        Assert.Contains(halfway.RecentEvents, e => e.ResourceType == "AWS::EC2::TransitGatewayPeeringAttachment");

        Foundations.Host.Clock.Advance(PastCreate);
        var ready = await Foundations.GetAsync(UsEast1, Ct);
        Assert.Equal((FoundationStatus.Ready, "CREATE_COMPLETE", (string?)null), (ready.Status, ready.StackStatus, ready.Reason));
        Assert.Equal(("portal-region-us-east-1", "CREATE_COMPLETE"), (ready.RecentEvents[0].LogicalResourceId, ready.RecentEvents[0].ResourceStatus));
        Assert.Contains(ready.RecentEvents, e => e is { ResourceType: "AWS::FSx::FileSystem", ResourceStatus: "CREATE_COMPLETE" });
        Assert.True(ready.RecentEvents.Count <= IRegionFoundations.RecentEventCount);
        Assert.Equal(ready.RecentEvents.OrderByDescending(e => e.Timestamp).Select(e => e.Timestamp), ready.RecentEvents.Select(e => e.Timestamp));
    }

    [Fact]
    public async Task Create_passes_the_planned_parameters_and_tags_to_the_region()
    {
        await Service.CreateAsync(Grace, UsEast1, Ct);

        var stack = await Foundations.StoredStackAsync("portal-region-us-east-1", Ct);
        Assert.Equal(("us-east-1", "RegionFoundation"), (stack.Region, stack.Shape));
        var parameters = JsonSerializer.Deserialize<Dictionary<string, string>>(stack.ParametersJson)!;
        Assert.Equal(RegionFoundationParameters.Types.Select(t => t.Key).Order(), parameters.Keys.Order());
        Assert.Equal(
            ("10.1.0.0/16", "eu-west-2", "10.0.0.0/16", FoundationOptions.SandboxTransitGatewayId, FoundationOptions.SandboxHostedZoneId),
            (parameters["VpcCidr"], parameters["HomeRegion"], parameters["HomeCidr"], parameters["HomeTransitGatewayId"], parameters["HomeHostedZoneId"]));
        Assert.Equal(("s3://era5-pds", "/us-east-1/era5-pds"), (parameters["DatasetS3Uris"], parameters["DatasetFsxPaths"]));
        var tags = JsonSerializer.Deserialize<Dictionary<string, string>>(stack.TagsJson)!;
        Assert.Equal(("true", "us-east-1", "grace"), (tags["portal-managed"], tags["portal-foundation"], tags["portal-requested-by"]));
        Assert.StartsWith("portal-region-us-east-1-create-20260504-", stack.ClientRequestToken, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Creating_again_changes_nothing_while_creating_and_once_ready()
    {
        await Service.CreateAsync(Grace, UsEast1, Ct);

        var again = await Service.CreateAsync(Grace, UsEast1, Ct);
        Foundations.Host.Clock.Advance(PastCreate);
        var onceReady = await Service.CreateAsync(Grace, UsEast1, Ct);

        Assert.Equal((FoundationCommandOutcome.Unchanged, "The foundation of us-east-1 is already being created."), (again.Outcome, again.Message));
        Assert.Equal((FoundationCommandOutcome.Unchanged, "The foundation of us-east-1 already exists and is ready."), (onceReady.Outcome, onceReady.Message));
        Assert.Single(Foundations.Deployer.Creates);
        Assert.Equal(1, await Foundations.StackCountAsync("portal-region-us-east-1", Ct));
    }

    [Fact]
    public async Task A_create_repeated_before_the_stack_is_visible_carries_the_same_token_and_follows_the_first()
    {
        var first = await Service.CreateAsync(Grace, UsEast1, Ct);
        Foundations.Deployer.HideStacks = true;

        var second = await Service.CreateAsync(Grace, UsEast1, Ct);

        Assert.Equal(FoundationCommandOutcome.Started, first.Outcome);
        Assert.Equal((FoundationCommandOutcome.Unchanged, "The foundation of us-east-1 is already being created."), (second.Outcome, second.Message));
        Assert.Equal(2, Foundations.Deployer.Creates.Count);
        Assert.Single(Foundations.Deployer.Creates.Select(c => c.ClientRequestToken).Distinct());
        Assert.Equal(1, await Foundations.StackCountAsync("portal-region-us-east-1", Ct));
    }

    [Fact]
    public async Task A_failed_foundation_shows_its_first_failure_and_must_be_deleted_before_it_is_created_again()
    {
        await Service.CreateAsync(Grace, UsWest2, Ct);
        Foundations.Host.Clock.Advance(PastCreate);

        var failed = await Foundations.GetAsync(UsWest2, Ct);
        var again = await Service.CreateAsync(Grace, UsWest2, Ct);

        Assert.Equal((FoundationStatus.Failed, "ROLLBACK_COMPLETE"), (failed.Status, failed.StackStatus));
        Assert.StartsWith("Cluster: Resource handler returned message: \"Cluster did not stabilize", failed.Reason, StringComparison.Ordinal);
        Assert.Equal(FoundationCommandOutcome.Refused, again.Outcome);
        Assert.Contains("Delete it first", again.Message, StringComparison.Ordinal);
        Assert.Single(Foundations.Deployer.Creates);
    }

    [Fact]
    public async Task Only_admins_read_create_or_delete_foundations()
    {
        var create = await Service.CreateAsync(Ada, UsEast1, Ct);
        var delete = await Service.DeleteAsync(Ada, UsEast1, Ct);

        Assert.Equal(FoundationCommandOutcome.Forbidden, create.Outcome);
        Assert.Equal(FoundationCommandOutcome.Forbidden, delete.Outcome);
        Assert.Empty(Foundations.Deployer.Creates);
        Assert.Empty(await Service.ListAsync(Ada, Ct));
        Assert.Null(await Service.GetAsync(Ada, UsEast1, Ct));
        Assert.Null(Service.Plan(Ada, UsEast1).Spec);
    }

    [Fact]
    public async Task The_home_region_has_no_foundation_to_create_or_delete_here()
    {
        var home = RegionCode.Parse("eu-west-2");

        var create = await Service.CreateAsync(Grace, home, Ct);
        var delete = await Service.DeleteAsync(Grace, home, Ct);

        Assert.Equal(FoundationCommandOutcome.Refused, create.Outcome);
        Assert.Contains("is the home region", create.Message, StringComparison.Ordinal);
        Assert.Equal(FoundationCommandOutcome.Refused, delete.Outcome);
        Assert.Null(await Service.GetAsync(Grace, home, Ct));
        Assert.Empty(Foundations.Deployer.Creates);
    }

    [Fact]
    public async Task A_region_the_cloud_will_not_describe_is_unknown_with_the_reason_and_is_not_created()
    {
        Foundations.Deployer.DescribeFailure = new CloudOperationException("AccessDenied", "The portal's AWS identity is not allowed to do DescribeStacks in us-east-1.");

        var states = await Service.ListAsync(Grace, Ct);
        var create = await Service.CreateAsync(Grace, UsEast1, Ct);

        Assert.All(states, s => Assert.Equal(FoundationStatus.Unknown, s.Status));
        Assert.Contains("not allowed to do DescribeStacks", states[0].Reason, StringComparison.Ordinal);
        Assert.Equal(FoundationCommandOutcome.Failed, create.Outcome);
        Assert.Empty(Foundations.Deployer.Creates);
    }

    [Fact]
    public async Task The_plan_shows_the_stack_a_create_would_make_without_making_it()
    {
        var plan = Service.Plan(Grace, UsWest2);

        Assert.Empty(plan.Problems);
        Assert.Equal(("portal-region-us-west-2", "10.2.0.0/16", "s3://nsf-ncar-era5,s3://cmip6-pds,s3://nex-gddp-cmip6/NEX-GDDP-CMIP6,s3://ncar-cesm2-lens"), (plan.Spec!.StackName, plan.Spec.Parameters["VpcCidr"], plan.Spec.Parameters["DatasetS3Uris"]));
        Assert.Empty(Foundations.Deployer.Creates);
        Assert.Equal(FoundationStatus.None, (await Foundations.GetAsync(UsWest2, Ct)).Status);
    }
}
