namespace Portal.Domain.Costs;

/// <summary>
/// What a region's foundation keeps running whether or not sessions do, and so bills every month: infra-cdk's
/// RegionFoundation and HomeFoundation templates create exactly this (a contract test compares them).
/// </summary>
public static class FoundationShape
{
    /// <summary>AWS prices monthly resources over 730 hours (365 days × 24 / 12).</summary>
    public const int HoursPerMonth = 730;

    /// <summary>The worker region's FSx for Lustre file system: 1.2 TiB, the smallest PERSISTENT_2 size.</summary>
    public const int FsxStorageGiB = 1200;

    /// <summary>Its throughput tier in MB/s per TiB, which sets the PERSISTENT_2 price per GB-month.</summary>
    public const int FsxThroughputPerTib = 125;

    /// <summary>One NAT gateway per foundation (home and worker regions).</summary>
    public const int NatGateways = 1;

    /// <summary>One Transit Gateway attachment per foundation: the worker region's spoke, the home region's hub VPC.</summary>
    public const int TransitGatewayAttachments = 1;
}
