using Portal.Domain.Datasets;
using Portal.Domain.LaunchPlans;
using Portal.Domain.Regions;
using Portal.Domain.Sessions;

namespace Portal.Domain.Tests.Regions;

/// <summary>
/// A worker region an admin disabled, as the domain services see it through a directory whose catalogue changes between
/// calls (as the portal's does when an admin acts): no new workers there, and advice that treats it as a region without workers.
/// </summary>
public sealed class DisabledRegionTests
{
    private static readonly RegionCode UsEast1 = RegionCode.Parse("us-east-1");

    private const string Era5Refusal =
        "ERA5 reanalysis lives in us-east-1 (US East (N. Virginia)), a worker region an admin disabled: new sessions cannot run workers there. "
        + "Choose datasets in another worker region, or ask an admin to enable us-east-1.";

    private readonly Directory _regions = new();

    [Fact]
    public void The_validator_refuses_data_in_a_disabled_region_naming_it_and_reads_the_regions_at_each_call()
    {
        var validator = new SessionRequestValidator(DatasetCatalog.Default, _regions);
        Assert.Empty(validator.Validate(SampleRequests.FirstRun));

        _regions.Current = RegionCatalog.Default.WithEnabled(UsEast1, enabled: false);
        var error = Assert.Single(validator.Validate(SampleRequests.FirstRun));

        Assert.Equal((SessionRequestField.Datasets, Era5Refusal), (error.Field, error.Message));
        _regions.Current = RegionCatalog.Default;
        Assert.Empty(validator.Validate(SampleRequests.FirstRun));
    }

    [Fact]
    public void The_planner_puts_no_pool_in_a_disabled_region()
    {
        var planner = new LaunchPlanner(_regions, DatasetCatalog.Default, LaunchSettings.Default);
        _regions.Current = RegionCatalog.Default.WithEnabled(UsEast1, enabled: false);

        var error = Assert.Throws<DomainException>(() => planner.Plan(SessionId.New(), SampleRequests.FirstRun));

        Assert.Equal(Era5Refusal, error.Message);
    }

    [Fact]
    public void The_advisor_treats_a_disabled_region_as_one_without_workers_and_says_an_admin_disabled_it()
    {
        var advisor = new DatasetAdvisor(_regions, DatasetCatalog.Default);
        Assert.True(advisor.HasWorkers(UsEast1));
        _regions.Current = RegionCatalog.Default.WithEnabled(UsEast1, enabled: false);

        var notice = Assert.Single(advisor.For([DatasetCatalog.Era5], prices: null), n => n.Kind == DatasetNoticeKind.OutsideWorkerRegions);

        Assert.False(advisor.HasWorkers(UsEast1));
        Assert.True(notice.Blocks);
        Assert.Contains("us-east-1 (US East (N. Virginia)), a worker region an admin disabled, so no Dask workers can run next to it.", notice.Message, StringComparison.Ordinal);
        // Only the enabled worker regions are offered instead.
        Assert.EndsWith("Ask an admin to enable us-east-1, or choose data in a worker region (us-west-2).", notice.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_worker_region_added_while_running_is_planned_like_the_others()
    {
        var planner = new RegionFoundationPlanner(_regions, DatasetCatalog.Default);
        var mumbai = RegionCode.Parse("ap-south-1");
        var home = new HomeFoundationOutputs("tgw-0123456789abcdef0", "Z0123456789ABCDEFGHIJ");
        Assert.NotEmpty(planner.Validate(mumbai, home));

        _regions.Current = RegionCatalog.Default.WithWorker(new Region(mumbai, "Asia Pacific (Mumbai)", new GeoPoint(19.08, 72.88), RegionRole.Worker, Cidr.Parse("10.3.0.0/16")));

        Assert.Empty(planner.Validate(mumbai, home));
        Assert.Equal("10.3.0.0/16", planner.Plan(mumbai, home).Parameters[RegionFoundationParameters.VpcCidr]);
    }

    private sealed class Directory : IRegionDirectory
    {
        public RegionCatalog Current { get; set; } = RegionCatalog.Default;
    }
}
