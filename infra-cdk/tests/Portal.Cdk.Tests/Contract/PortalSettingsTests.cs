using Portal.Cdk.Settings;
using Portal.Domain.Datasets;
using Portal.Domain.LaunchPlans;
using Portal.Domain.Regions;
using Portal.Domain.Sessions;

namespace Portal.Cdk.Tests.Contract;

public sealed class PortalSettingsTests
{
    [Fact]
    public void Worker_regions_are_read_as_region_equals_cidr() =>
        Assert.Equal(
            [new WorkerRegion("us-east-1", "10.1.0.0/16"), new WorkerRegion("ap-southeast-2", "10.3.0.0/16")],
            PortalSettings.ParseRegions(" us-east-1=10.1.0.0/16 , ap-southeast-2=10.3.0.0/16"));

    [Fact]
    public void A_region_without_a_cidr_is_refused() =>
        Assert.Throws<ArgumentException>(() => PortalSettings.ParseRegions("us-east-1"));

    [Fact]
    public void The_defaults_match_the_domains_topology()
    {
        var settings = new PortalSettings { RepositoryRoot = "." };
        var catalog = RegionCatalog.Default;

        Assert.Equal(catalog.Home.Code.Value, settings.HomeRegion);
        Assert.Equal(catalog.Home.Cidr.ToString(), settings.HomeCidr);
        Assert.Equal(catalog.Workers.Select(w => new WorkerRegion(w.Code.Value, w.Cidr.ToString())), settings.WorkerRegions);
        Assert.Equal(LaunchSettings.Default.ServiceNamespace, settings.ServiceNamespace);
        Assert.Equal(SessionRequest.DefaultWorkerSize, settings.DefaultWorkerSize);
    }

    [Fact]
    public void The_dataset_buckets_the_execution_role_may_read_are_the_catalogues()
    {
        var settings = new PortalSettings { RepositoryRoot = "." };
        var buckets = DatasetCatalog.Default.All.Select(d => d.Location.S3Uri["s3://".Length..].Split('/')[0]).Distinct();

        Assert.Equal(buckets.Order(), settings.DatasetBuckets.Order());
    }
}
