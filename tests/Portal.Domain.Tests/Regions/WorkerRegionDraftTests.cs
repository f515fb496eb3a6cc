using Portal.Domain.Regions;

namespace Portal.Domain.Tests.Regions;

public sealed class WorkerRegionDraftTests
{
    private static (Region? Region, IReadOnlyDictionary<string, string> Errors) Check(string? region, string? cidr) =>
        new WorkerRegionDraft { Region = region, Cidr = cidr }.Check(RegionCatalog.Default);

    [Fact]
    public void A_real_aws_region_with_a_free_slash_16_becomes_a_worker_region_with_the_registry_name_and_coordinates()
    {
        var (region, errors) = Check("ap-south-1", " 10.3.0.0/16 ");

        Assert.Empty(errors);
        Assert.NotNull(region);
        Assert.Equal(("ap-south-1", "Asia Pacific (Mumbai)", RegionRole.Worker, "10.3.0.0/16", true),
            (region.Code.Value, region.DisplayName, region.Role, region.Cidr.ToString(), region.Enabled));
        Assert.Equal(AwsRegions.Find(region.Code)!.Location, region.Location);
    }

    [Theory]
    [InlineData(null, "Choose the AWS region to add.")]
    [InlineData("mars-north-1", "'mars-north-1' is not an AWS region: choose one from the list (for example ap-southeast-2).")]
    [InlineData("US-EAST-1", "'US-EAST-1' is not an AWS region: choose one from the list (for example ap-southeast-2).")]
    [InlineData("us-east-1", "us-east-1 is already a worker region of the portal.")]
    [InlineData("eu-west-2", "eu-west-2 is already a home region of the portal.")]
    public void A_region_that_is_not_real_or_is_present_is_refused_beside_the_region_field(string? code, string message)
    {
        var (region, errors) = Check(code, "10.3.0.0/16");

        Assert.Null(region);
        Assert.Equal(message, Assert.Single(errors, e => e.Key == WorkerRegionDraft.RegionField).Value);
        Assert.DoesNotContain(WorkerRegionDraft.CidrField, errors.Keys);
    }

    [Theory]
    [InlineData("", "Enter the region's VPC CIDR, a /16 inside 10.0.0.0/8, such as 10.3.0.0/16.")]
    [InlineData("10.3.0.0", "'10.3.0.0' is not an IPv4 CIDR block (for example 10.1.0.0/16).")]
    [InlineData("10.3.1.0/16", "'10.3.1.0/16' has host bits set; did you mean 10.3.0.0/16?")]
    [InlineData("192.168.0.0/16", "192.168.0.0/16 is not a /16 inside 10.0.0.0/8: RegionFoundation's VPC takes exactly that (it carves its subnets from it), such as 10.3.0.0/16.")]
    [InlineData("10.3.0.0/24", "10.3.0.0/24 is not a /16 inside 10.0.0.0/8: RegionFoundation's VPC takes exactly that (it carves its subnets from it), such as 10.3.0.0/16.")]
    [InlineData("10.254.0.0/16", "10.254.0.0/16 is the portal's own VPC (CDK context portal:portalCidr); choose a CIDR that overlaps no other region, such as 10.3.0.0/16.")]
    [InlineData("10.2.0.0/16", "10.2.0.0/16 overlaps us-west-2 (US West (Oregon), 10.2.0.0/16); choose a CIDR that overlaps no other region.")]
    public void A_cidr_that_is_not_a_free_slash_16_in_ten_is_refused_beside_the_cidr_field(string cidr, string message)
    {
        var (region, errors) = Check("ap-south-1", cidr);

        Assert.Null(region);
        Assert.Equal(message, Assert.Single(errors).Value);
        Assert.Equal(WorkerRegionDraft.CidrField, Assert.Single(errors).Key);
    }

    [Fact]
    public void Both_fields_wrong_give_both_messages()
    {
        var (_, errors) = Check("us-west-2", "10.0.0.0/16");

        Assert.Equal([WorkerRegionDraft.CidrField, WorkerRegionDraft.RegionField], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("overlaps eu-west-2 (Europe (London), 10.0.0.0/16)", errors[WorkerRegionDraft.CidrField], StringComparison.Ordinal);
    }

    [Fact]
    public void The_suggested_cidr_is_the_first_free_slash_16_skipping_the_portals_own_vpc()
    {
        Assert.Equal(Cidr.Parse("10.3.0.0/16"), WorkerRegionDraft.SuggestCidr(RegionCatalog.Default));

        // Every 10.N.0.0/16 up to 10.253 taken: the next free one is 10.255, since 10.254 is the portal's own VPC.
        var crowded = new RegionCatalog([.. RegionCatalog.Default.All, .. Enumerable.Range(3, 251).Select(n =>
            new Region(RegionCode.Parse($"zz-test-{n}"), $"Test {n}", new GeoPoint(0, 0), RegionRole.Worker, Cidr.Parse($"10.{n}.0.0/16")))]);
        Assert.Equal(Cidr.Parse("10.255.0.0/16"), WorkerRegionDraft.SuggestCidr(crowded));

        var full = crowded.WithWorker(new Region(RegionCode.Parse("zz-test-255"), "Test 255", new GeoPoint(0, 0), RegionRole.Worker, Cidr.Parse("10.255.0.0/16")));
        Assert.Null(WorkerRegionDraft.SuggestCidr(full));
    }
}
