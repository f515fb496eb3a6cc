namespace Portal.Infra.Tests.Pricing;

/// <summary>
/// What the Price List API holds for the portal's three regions, in its shapes: the product each query must pick, next
/// to products its filters also return (ARM Fargate, reserved capacity, other throughput tiers, inbound transfer) so a
/// wrong pick shows. Prices differ from the bundled snapshot's where it matters, so live prices are told apart.
/// </summary>
internal static class PortalPriceList
{
    public static readonly string[] Regions = ["eu-west-2", "us-east-1", "us-west-2"];

    public static readonly Dictionary<string, decimal> Ec2 = new() { ["eu-west-2"] = 1.049m, ["us-east-1"] = 0.905m, ["us-west-2"] = 0.906m };

    public static string Prefix(string region) => region switch
    {
        "us-east-1" => "USE1",
        "us-west-2" => "USW2",
        "eu-west-2" => "EUW2",
        _ => throw new ArgumentOutOfRangeException(nameof(region)),
    };

    /// <summary>EC2, NAT and S3 usage types have no prefix in us-east-1.</summary>
    private static string Ec2Prefix(string region) => region == "us-east-1" ? string.Empty : Prefix(region) + "-";

    public static FakePriceListApi Stock(FakePriceListApi api, params string[] leaveOut)
    {
        foreach (var region in Regions)
        {
            var p = Prefix(region);
            var e = Ec2Prefix(region);
            if (!leaveOut.Contains($"{region}:ec2"))
            {
                api.Add("AmazonEC2", "Compute Instance", $"{p}EC2RESERVED", "Hrs", 0.5m, Ec2Attributes(region, "UnusedCapacityReservation", e + "UnusedBox:m5d.4xlarge"));
                api.Add("AmazonEC2", "Compute Instance", $"{p}EC2M5D4XL", "Hrs", Ec2[region], Ec2Attributes(region, "Used", e + "BoxUsage:m5d.4xlarge"));
            }

            api.Add("AmazonSageMaker", "ML Instance", $"{p}SMTRAIN", "Hrs", 0.35m, ("regionCode", region), ("instanceName", "ml.t3.2xlarge"), ("usagetype", $"{p}-Train:ml.t3.2xlarge"));
            api.Add("AmazonSageMaker", "ML Instance", $"{p}SMNOTEBK", "Hrs", 0.4m, ("regionCode", region), ("instanceName", "ml.t3.2xlarge"), ("usagetype", $"{p}-Notebk:ml.t3.2xlarge"));

            api.Add("AmazonECS", "Compute", $"{p}FGARM", "hours", 0.03238m, ("regionCode", region), ("usagetype", $"{p}-Fargate-ARM-vCPU-Hours:perCPU"));
            api.Add("AmazonECS", "Compute", $"{p}FGEPH", "GB-Hours", 0.000111m, ("regionCode", region), ("usagetype", $"{p}-Fargate-EphemeralStorage-GB-Hours"));
            api.Add("AmazonECS", "Compute", $"{p}FGVCPU", "hours", 0.04049m, ("regionCode", region), ("usagetype", $"{p}-Fargate-vCPU-Hours:perCPU"));
            api.Add("AmazonECS", "Compute", $"{p}FGGB", "GB-Hours", 0.004446m, ("regionCode", region), ("usagetype", $"{p}-Fargate-GB-Hours"));

            api.Add("AmazonVPC", "Transit Gateway", $"{p}TGWVPN", "hours", 0.05m, ("regionCode", region), ("operation", "TransitGatewayVPN"), ("usagetype", $"{p}-TransitGateway-Hours"));
            api.Add("AmazonVPC", "Transit Gateway", $"{p}TGWHRS", "hours", 0.05m, ("regionCode", region), ("operation", "TransitGatewayVPC"), ("usagetype", $"{p}-TransitGateway-Hours"));
            api.Add("AmazonVPC", "Transit Gateway", $"{p}TGWGB", "GigaBytes", 0.02m, ("regionCode", region), ("operation", "TransitGatewayVPC"), ("usagetype", $"{p}-TransitGateway-Bytes"));

            api.Add("AmazonEC2", "NAT Gateway", $"{p}NATHRS", "Hrs", 0.046m, ("regionCode", region), ("productFamily", "NAT Gateway"), ("usagetype", e + "NatGateway-Hours"));
            if (!leaveOut.Contains($"{region}:nat-gb"))
            {
                api.Add("AmazonEC2", "NAT Gateway", $"{p}NATGB", "GB", 0.046m, ("regionCode", region), ("productFamily", "NAT Gateway"), ("usagetype", e + "NatGateway-Bytes"));
            }

            foreach (var (tier, option, usd) in new[] { ("250", "Persistent2", 0.21m), ("125", "Persistent1", 0.14m), ("125", "Persistent2", 0.146m), ("1000", "Persistent2", 0.6m) })
            {
                api.Add("AmazonFSx", "Storage", $"{p}FSX{option}{tier}", "GB-Mo", usd,
                    ("regionCode", region), ("fileSystemType", "Lustre"), ("deploymentOption", option), ("throughputCapacity", tier), ("storageType", "SSD"), ("usagetype", $"{p}-{option}-{tier}-Storage"));
            }

            (string, string)[] s3 = [("regionCode", region), ("volumeType", "Standard"), ("usagetype", e + "TimedStorage-ByteHrs")];
            api.AddDocument("AmazonS3", s3, PriceListDocuments.Item("AmazonS3", "Storage", $"{p}S3STD", s3.ToDictionary(a => a.Item1, a => a.Item2), "GB-Mo",
                new PriceListDocuments.Tier("512000", "Inf", 0.021m), new PriceListDocuments.Tier("0", "51200", 0.024m), new PriceListDocuments.Tier("51200", "512000", 0.022m)));

            foreach (var destination in Regions.Where(d => d != region))
            {
                var q = Prefix(destination);
                api.Add("AWSDataTransfer", "Data Transfer", $"{p}{q}IN", "GB", 0m,
                    ("fromRegionCode", region), ("toRegionCode", destination), ("transferType", "InterRegion Inbound"), ("usagetype", $"{q}-{p}-AWS-In-Bytes"));
                api.Add("AWSDataTransfer", "Data Transfer", $"{p}{q}OUT", "GB", Transfer(region, destination),
                    ("fromRegionCode", region), ("toRegionCode", destination), ("transferType", "InterRegion Outbound"), ("usagetype", $"{p}-{q}-AWS-Out-Bytes"));
            }
        }

        return api;
    }

    public static decimal Transfer(string from, string to) => from.StartsWith("us-", StringComparison.Ordinal) && to.StartsWith("us-", StringComparison.Ordinal) ? 0.02m : 0.021m;

    private static (string, string)[] Ec2Attributes(string region, string capacityStatus, string usageType) =>
    [
        ("instanceType", "m5d.4xlarge"), ("regionCode", region), ("operatingSystem", "Linux"), ("tenancy", "Shared"),
        ("preInstalledSw", "NA"), ("capacitystatus", capacityStatus), ("usagetype", usageType), ("operation", "RunInstances"),
    ];
}
