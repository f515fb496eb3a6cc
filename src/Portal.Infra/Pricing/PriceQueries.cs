using System.Globalization;
using Portal.Domain.Costs;
using Portal.Domain.Regions;

namespace Portal.Infra.Pricing;

/// <summary>
/// Every Price List call one refresh makes: each <see cref="PriceSku"/> in each region, and the transfer price of each
/// ordered pair of regions. The filters follow shared/reference/aws/aws_prices.csv; where a usage type carries a region
/// prefix (<c>USE1-</c>, none for some services in us-east-1) the product is picked by its suffix instead.
/// </summary>
internal static class PriceQueries
{
    /// <summary>The throughput tier of every foundation's FSx for Lustre file system (infra-cdk LustreCacheConstruct).</summary>
    public const int FoundationLustreThroughputPerTib = 125;

    public static IReadOnlyList<PriceQuery> For(IReadOnlyList<RegionCode> regions, IReadOnlyList<string> workerSizes, string notebookInstanceType)
    {
        ArgumentNullException.ThrowIfNull(regions);
        ArgumentNullException.ThrowIfNull(workerSizes);
        var queries = new List<PriceQuery>();
        foreach (var region in regions)
        {
            foreach (var size in workerSizes.Distinct(StringComparer.Ordinal))
            {
                queries.Add(Ec2(region, size));
            }

            queries.Add(Notebook(region, notebookInstanceType));
            queries.Add(Fargate(region, PriceSku.FargateVcpuHour, "vCPU-hour", "-Fargate-vCPU-Hours:perCPU"));
            queries.Add(Fargate(region, PriceSku.FargateGbHour, "GB-hour", "-Fargate-GB-Hours"));
            queries.Add(TransitGateway(region, PriceSku.TransitGatewayAttachmentHour, "attachment-hour", "TransitGateway-Hours"));
            queries.Add(TransitGateway(region, PriceSku.TransitGatewayGb, "GB", "TransitGateway-Bytes"));
            queries.Add(Nat(region, PriceSku.NatGatewayHour, "hour", "NatGateway-Hours"));
            queries.Add(Nat(region, PriceSku.NatGatewayGb, "GB", "NatGateway-Bytes"));
            queries.Add(Lustre(region, FoundationLustreThroughputPerTib));
            queries.Add(S3Standard(region));
            foreach (var destination in regions.Where(d => d != region))
            {
                queries.Add(Transfer(region, destination));
            }
        }

        return queries;
    }

    private static PriceQuery Ec2(RegionCode region, string instanceType) => new(
        region, PriceSku.Ec2Instance(instanceType), "instance-hour", "AmazonEC2",
        [("instanceType", instanceType), ("regionCode", region.Value), ("operatingSystem", "Linux"), ("tenancy", "Shared"),
         ("preInstalledSw", "NA"), ("capacitystatus", "Used")],
        item => item.Attribute("usagetype").Contains("BoxUsage", StringComparison.Ordinal));

    private static PriceQuery Notebook(RegionCode region, string instanceType) => new(
        region, PriceSku.NotebookInstance(instanceType), "instance-hour", "AmazonSageMaker",
        [("regionCode", region.Value), ("instanceName", instanceType)],
        item => EndsWith(item, "Notebk:" + instanceType));

    private static PriceQuery Fargate(RegionCode region, string sku, string unit, string usageSuffix) => new(
        region, sku, unit, "AmazonECS",
        [("regionCode", region.Value)],
        item => EndsWith(item, usageSuffix));

    private static PriceQuery TransitGateway(RegionCode region, string sku, string unit, string usageSuffix) => new(
        region, sku, unit, "AmazonVPC",
        [("regionCode", region.Value), ("operation", "TransitGatewayVPC")],
        item => EndsWith(item, usageSuffix));

    private static PriceQuery Nat(RegionCode region, string sku, string unit, string usageSuffix) => new(
        region, sku, unit, "AmazonEC2",
        [("regionCode", region.Value), ("productFamily", "NAT Gateway")],
        item => EndsWith(item, usageSuffix));

    private static PriceQuery Lustre(RegionCode region, int throughputPerTib) => new(
        region, PriceSku.FsxLustrePersistent2GbMonth(throughputPerTib), "GB-month", "AmazonFSx",
        [("regionCode", region.Value), ("fileSystemType", "Lustre")],
        item => Letters(item.Attribute("deploymentOption")) == "persistent2"
                && LeadingNumber(item.Attribute("throughputCapacity")) == throughputPerTib
                && !item.Attribute("storageType").Contains("HDD", StringComparison.OrdinalIgnoreCase)
                && item.Unit == "GB-Mo");

    private static PriceQuery S3Standard(RegionCode region) => new(
        region, PriceSku.S3StandardGbMonth, "GB-month", "AmazonS3",
        [("regionCode", region.Value), ("volumeType", "Standard")],
        item => EndsWith(item, "TimedStorage-ByteHrs"));

    private static PriceQuery Transfer(RegionCode from, RegionCode to) => new(
        from, PriceSku.TransferToGb(to), "GB", "AWSDataTransfer",
        [("fromRegionCode", from.Value), ("toRegionCode", to.Value), ("transferType", "InterRegion Outbound")],
        item => EndsWith(item, "-AWS-Out-Bytes"));

    private static bool EndsWith(PriceListItem item, string usageSuffix) =>
        item.Attribute("usagetype").EndsWith(usageSuffix, StringComparison.Ordinal);

    private static string Letters(string text) =>
        new([.. text.Where(char.IsAsciiLetterOrDigit).Select(char.ToLowerInvariant)]);

    private static int? LeadingNumber(string text)
    {
        var digits = new string([.. text.TakeWhile(char.IsAsciiDigit)]);
        return int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;
    }
}
