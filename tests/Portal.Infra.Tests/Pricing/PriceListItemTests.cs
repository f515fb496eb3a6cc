using Portal.Infra.Pricing;

namespace Portal.Infra.Tests.Pricing;

/// <summary>GetProducts' PriceList items as the API writes them (see shared/reference/aws/fixtures/pricing).</summary>
public sealed class PriceListItemTests
{
    private const string Ec2 = """
        {"product":{"productFamily":"Compute Instance","attributes":{"instanceType":"m5d.4xlarge","vcpu":"16","memory":"64 GiB","operatingSystem":"Linux","tenancy":"Shared","preInstalledSw":"NA","capacitystatus":"Used","location":"US West (Oregon)","locationType":"AWS Region","regionCode":"us-west-2","servicecode":"AmazonEC2","usagetype":"USW2-BoxUsage:m5d.4xlarge","operation":"RunInstances"},"sku":"TESTSKUEC2USW2"},"serviceCode":"AmazonEC2","terms":{"OnDemand":{"TESTSKUEC2USW2.JRTCKXETXF":{"priceDimensions":{"TESTSKUEC2USW2.JRTCKXETXF.6YS6EN2CT7":{"unit":"Hrs","endRange":"Inf","description":"$0.904 per On Demand Linux m5d.4xlarge Instance Hour","appliesTo":[],"rateCode":"TESTSKUEC2USW2.JRTCKXETXF.6YS6EN2CT7","beginRange":"0","pricePerUnit":{"USD":"0.9040000000"}}},"sku":"TESTSKUEC2USW2","effectiveDate":"2026-10-01T00:00:00Z","offerTermCode":"JRTCKXETXF","termAttributes":{}}},"Reserved":{"TESTSKUEC2USW2.4NA7Y494T4":{"priceDimensions":{"TESTSKUEC2USW2.4NA7Y494T4.6YS6EN2CT7":{"unit":"Hrs","beginRange":"0","pricePerUnit":{"USD":"0.5700000000"}}},"sku":"TESTSKUEC2USW2","offerTermCode":"4NA7Y494T4"}}},"version":"20261001000000","publicationDate":"2026-10-01T00:00:00Z"}
        """;

    private const string Fargate = """
        {"product":{"productFamily":"Compute","attributes":{"cputype":"perCPU","servicecode":"AmazonECS","usagetype":"EUW2-Fargate-vCPU-Hours:perCPU","locationType":"AWS Region","location":"EU (London)","regionCode":"eu-west-2","servicename":"Amazon Elastic Container Service","operation":""},"sku":"TESTSKUFARGATE"},"serviceCode":"AmazonECS","terms":{"OnDemand":{"TESTSKUFARGATE.JRTCKXETXF":{"priceDimensions":{"TESTSKUFARGATE.JRTCKXETXF.6YS6EN2CT7":{"unit":"hours","endRange":"Inf","description":"AWS Fargate - vCPU - EU (London)","appliesTo":[],"rateCode":"TESTSKUFARGATE.JRTCKXETXF.6YS6EN2CT7","beginRange":"0","pricePerUnit":{"USD":"0.0465600000"}}},"sku":"TESTSKUFARGATE","effectiveDate":"2026-09-01T00:00:00Z","offerTermCode":"JRTCKXETXF","termAttributes":{}}}},"version":"20260901000000","publicationDate":"2026-09-01T00:00:00Z"}
        """;

    private const string TransferPair = """
        {"product":{"productFamily":"Data Transfer","attributes":{"transferType":"InterRegion Outbound","fromLocation":"US East (N. Virginia)","fromLocationType":"AWS Region","fromRegionCode":"us-east-1","toLocation":"US West (Oregon)","toLocationType":"AWS Region","toRegionCode":"us-west-2","usagetype":"USE1-USW2-AWS-Out-Bytes","operation":"","servicecode":"AWSDataTransfer","servicename":"AWS Data Transfer"},"sku":"TESTSKUXFER"},"serviceCode":"AWSDataTransfer","terms":{"OnDemand":{"TESTSKUXFER.JRTCKXETXF":{"priceDimensions":{"TESTSKUXFER.JRTCKXETXF.6YS6EN2CT7":{"unit":"GB","endRange":"Inf","description":"$0.02 per GB - US East (Northern Virginia) data transfer to US West (Oregon)","appliesTo":[],"rateCode":"TESTSKUXFER.JRTCKXETXF.6YS6EN2CT7","beginRange":"0","pricePerUnit":{"USD":"0.0200000000"}}},"sku":"TESTSKUXFER","effectiveDate":"2026-08-01T00:00:00Z","offerTermCode":"JRTCKXETXF","termAttributes":{}}}},"version":"20260801000000","publicationDate":"2026-08-01T00:00:00Z"}
        """;

    /// <summary>S3 Standard is priced in three tiers; the API lists the dimensions in no particular order.</summary>
    private const string Tiered = """
        {"product":{"productFamily":"Storage","attributes":{"storageClass":"General Purpose","volumeType":"Standard","usagetype":"TimedStorage-ByteHrs","regionCode":"us-east-1","servicecode":"AmazonS3"},"sku":"TESTSKUS3"},"serviceCode":"AmazonS3","terms":{"OnDemand":{"TESTSKUS3.JRTCKXETXF":{"priceDimensions":{
        "TESTSKUS3.JRTCKXETXF.PGHJ3S3EYE":{"unit":"GB-Mo","endRange":"Inf","description":"$0.021 per GB - storage used/month over 500 TB","appliesTo":[],"rateCode":"TESTSKUS3.JRTCKXETXF.PGHJ3S3EYE","beginRange":"512000","pricePerUnit":{"USD":"0.0210000000"}},
        "TESTSKUS3.JRTCKXETXF.D42MF2PVJS":{"unit":"GB-Mo","endRange":"51200","description":"$0.023 per GB - first 50 TB / month of storage used","appliesTo":[],"rateCode":"TESTSKUS3.JRTCKXETXF.D42MF2PVJS","beginRange":"0","pricePerUnit":{"USD":"0.0230000000"}},
        "TESTSKUS3.JRTCKXETXF.PXJDJ3YRG3":{"unit":"GB-Mo","endRange":"512000","description":"$0.022 per GB - next 450 TB / month of storage used","appliesTo":[],"rateCode":"TESTSKUS3.JRTCKXETXF.PXJDJ3YRG3","beginRange":"51200","pricePerUnit":{"USD":"0.0220000000"}}},
        "sku":"TESTSKUS3","effectiveDate":"2026-07-01T00:00:00Z","offerTermCode":"JRTCKXETXF","termAttributes":{}}}},"version":"20260701000000","publicationDate":"2026-07-01T00:00:00Z"}
        """;

    [Fact]
    public void An_ec2_item_gives_its_on_demand_hourly_price_not_the_reserved_one()
    {
        var item = PriceListItem.Parse(Ec2)!;

        Assert.Equal(("TESTSKUEC2USW2", 0.904m, "Hrs", "2026-10-01T00:00:00Z"), (item.Sku, item.Usd, item.Unit, item.EffectiveDate));
        Assert.Equal("0.904", item.Usd.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("USW2-BoxUsage:m5d.4xlarge", item.Attribute("usagetype"));
        Assert.Equal(string.Empty, item.Attribute("no-such-attribute"));
    }

    [Fact]
    public void A_fargate_item_gives_its_vcpu_hour_price()
    {
        var item = PriceListItem.Parse(Fargate)!;

        Assert.Equal((0.04656m, "hours"), (item.Usd, item.Unit));
        Assert.Equal("eu-west-2", item.Attribute("regionCode"));
    }

    [Fact]
    public void A_data_transfer_item_names_its_pair()
    {
        var item = PriceListItem.Parse(TransferPair)!;

        Assert.Equal((0.02m, "GB"), (item.Usd, item.Unit));
        Assert.Equal(("us-east-1", "us-west-2", "USE1-USW2-AWS-Out-Bytes"), (item.Attribute("fromRegionCode"), item.Attribute("toRegionCode"), item.Attribute("usagetype")));
    }

    [Fact]
    public void A_tiered_item_gives_the_tier_that_starts_at_zero()
    {
        var item = PriceListItem.Parse(Tiered)!;

        Assert.Equal((0.023m, "GB-Mo"), (item.Usd, item.Unit));
    }

    [Fact]
    public void An_item_without_an_on_demand_price_gives_nothing()
    {
        var reservedOnly = Ec2.Replace("\"OnDemand\"", "\"Spot\"", StringComparison.Ordinal);

        Assert.Null(PriceListItem.Parse(reservedOnly));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"serviceCode":"AmazonEC2"}""")]
    public void A_malformed_item_is_refused(string document)
    {
        Assert.Throws<FormatException>(() => PriceListItem.Parse(document));
    }
}
