using Portal.Domain.Cloud;
using Portal.Domain.Datasets;
using Portal.Domain.LaunchPlans;
using Portal.Domain.Quotas;
using Portal.Domain.Regions;
using Portal.Domain.Sessions;

namespace Portal.Domain.Tests.Quotas;

public sealed class ServiceQuotaPlanTests
{
    private static readonly RegionCode UsWest2 = RegionCode.Parse("us-west-2");
    private static readonly RegionCode Home = RegionCode.Parse("eu-west-2");
    private static readonly LaunchPlan Plan =
        new LaunchPlanner(RegionCatalog.Default, DatasetCatalog.Default, LaunchSettings.Default).Plan(SessionId.Parse("s-newaaaaaa1"), SampleRequests.FirstRun);

    [Fact]
    public void A_launch_needs_its_workers_vcpus_per_region_and_the_scheduler_and_a_notebook_at_home()
    {
        var needs = ServiceQuotaPlan.ForLaunch(Plan);

        // 2 workers of m5d.4xlarge (16 vCPUs) in each worker region.
        Assert.Equal(32, ServiceQuotaPlan.Total(needs, UsWest2, ServiceQuotaCodes.Ec2OnDemandStandardVcpus));
        Assert.Equal(32, ServiceQuotaPlan.Total(needs, RegionCode.Parse("us-east-1"), ServiceQuotaCodes.Ec2OnDemandStandardVcpus));
        Assert.Equal(1, ServiceQuotaPlan.Total(needs, Home, ServiceQuotaCodes.FargateVcpus));
        Assert.Equal(1, ServiceQuotaPlan.Total(needs, Home, ServiceQuotaCodes.NotebookInstances("ml.t3.2xlarge")));
        Assert.Equal(4, needs.Count);
    }

    [Theory]
    [InlineData("m5d.4xlarge", 16)]
    [InlineData("r5.xlarge", 4)]
    [InlineData("c6i.large", 2)]
    [InlineData("m5.24xlarge", 96)]
    [InlineData("m5.metal", null)]
    [InlineData("nonsense", null)]
    public void Instance_vcpus_come_from_the_size(string type, int? vcpus) => Assert.Equal(vcpus, InstanceVcpus.Of(type));

    [Fact]
    public void Workers_outside_the_standard_families_do_not_count_against_the_standard_vcpu_quota()
    {
        var gpu = Plan with { Stacks = [.. Plan.Stacks.Select(s => s.Kind == StepKind.Workers ? s with { Parameters = new Dictionary<string, string>(s.Parameters) { [SessionStackParameters.WorkerSize] = "g5.xlarge" } } : s)] };

        Assert.Equal(0, ServiceQuotaPlan.Total(ServiceQuotaPlan.ForLaunch(gpu), UsWest2, ServiceQuotaCodes.Ec2OnDemandStandardVcpus));
    }

    [Fact]
    public void A_need_over_the_headroom_is_refused_naming_quota_code_region_need_and_headroom()
    {
        var quota = new ServiceQuotaValue(UsWest2, "ec2", "L-1216C47A", "Running On-Demand Standard (A, C, D, H, I, M, R, T, Z) instances", 48, true);
        var standing = new ServiceQuotaStanding(ServiceQuotaCodes.Ec2OnDemandStandardVcpus, quota, InUse: 32);

        Assert.Equal(16, standing.Headroom);
        Assert.Null(standing.RefusalFor(16));
        Assert.Equal(
            "This launch needs 32 vCPUs of the AWS service quota 'Running On-Demand Standard (A, C, D, H, I, M, R, T, Z) instances' (L-1216C47A) in us-west-2, "
            + "but its headroom there is 16 (quota 48, 32 in use by the portal's sessions). Choose fewer or smaller workers, or ask an admin to request a quota increase in Service Quotas.",
            standing.RefusalFor(32));
    }
}
