using Portal.Cdk.Tests.Support;
using Portal.Domain.Costs;

namespace Portal.Cdk.Tests.Contract;

/// <summary>
/// The estimate prices each foundation from <see cref="FoundationShape"/>: the templates must create exactly that, or the
/// monthly figures the explore page shows would price something that is not there.
/// </summary>
public sealed class FoundationCostContractTests(SynthesizedApp app)
{
    [Fact]
    public void The_worker_regions_file_system_is_the_size_and_tier_the_estimate_prices()
    {
        var fileSystem = app["RegionFoundation"].OnlyResource("AWS::FSx::FileSystem")["Properties"]!;

        Assert.Equal(FoundationShape.FsxStorageGiB, fileSystem["StorageCapacity"]!.GetValue<int>());
        Assert.Equal("PERSISTENT_2", fileSystem["LustreConfiguration"]!["DeploymentType"]!.GetValue<string>());
        Assert.Equal(FoundationShape.FsxThroughputPerTib, fileSystem["LustreConfiguration"]!["PerUnitStorageThroughput"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("RegionFoundation")]
    [InlineData("HomeFoundation")]
    public void Each_foundation_has_the_nat_gateways_and_transit_gateway_attachments_the_estimate_prices(string foundation)
    {
        var counts = new[] { "AWS::EC2::NatGateway", "AWS::EC2::TransitGatewayAttachment" }.Select(t => app[foundation].ResourcesOfType(t).Count());

        Assert.Equal([FoundationShape.NatGateways, FoundationShape.TransitGatewayAttachments], counts);
    }

    [Fact]
    public void The_worker_regions_foundation_holds_the_only_file_system() =>
        Assert.Empty(app["HomeFoundation"].ResourcesOfType("AWS::FSx::FileSystem"));
}
