using Portal.Domain.Regions;

namespace Portal.Domain.Costs;

/// <summary>
/// The names of the unit prices an estimate looks up: one per thing a session or its region's foundation pays for.
/// A price is always stored under the region that pays it (for transfer: the region the bytes leave).
/// </summary>
public static class PriceSku
{
    /// <summary>An EC2 on-demand Linux instance hour: <c>ec2:m5d.4xlarge</c>.</summary>
    public static string Ec2Instance(string instanceType) => "ec2:" + instanceType;

    /// <summary>A SageMaker notebook instance hour: <c>sagemaker-notebook:ml.t3.2xlarge</c>.</summary>
    public static string NotebookInstance(string instanceType) => "sagemaker-notebook:" + instanceType;

    public const string FargateVcpuHour = "fargate:vcpu-hour";
    public const string FargateGbHour = "fargate:gb-hour";

    /// <summary>An hour of one VPC attached to a Transit Gateway (each worker region's foundation has one).</summary>
    public const string TransitGatewayAttachmentHour = "tgw:attachment-hour";

    /// <summary>A GB the Transit Gateway processes (results and Dask traffic between scheduler and workers).</summary>
    public const string TransitGatewayGb = "tgw:gb";

    /// <summary>An hour of a NAT gateway (each foundation's private subnets reach the internet through one).</summary>
    public const string NatGatewayHour = "nat:hour";

    /// <summary>A GB a NAT gateway processes.</summary>
    public const string NatGatewayGb = "nat:gb";

    /// <summary>
    /// A GB-month of FSx for Lustre PERSISTENT_2 SSD storage at a throughput tier (MB/s per TiB); AWS prices the storage
    /// and its throughput together, per tier.
    /// </summary>
    public static string FsxLustrePersistent2GbMonth(int throughputPerTib) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"fsx:lustre-persistent2-{throughputPerTib}:gb-month");

    /// <summary>A GB-month of S3 Standard storage (where a copy of the data would be kept at home).</summary>
    public const string S3StandardGbMonth = "s3:standard:gb-month";

    /// <summary>A GB sent from the region to any other region: the price when no pair price is known.</summary>
    public const string InterRegionTransferGb = "transfer:inter-region-gb";

    /// <summary>A GB sent from the region it is stored under to <paramref name="destination"/>: <c>transfer:to:eu-west-2:gb</c>.</summary>
    public static string TransferToGb(RegionCode destination) => "transfer:to:" + destination.Value + ":gb";
}
