namespace Portal.Cdk.Region;

/// <summary>
/// Parameter names of the RegionFoundation template. The portal's copy is Portal.Domain's
/// RegionFoundationParameters; the contract test in Portal.Cdk.Tests keeps the two equal (names and types).
/// </summary>
internal static class RegionParameterNames
{
    public const string VpcCidr = "VpcCidr";
    public const string HomeRegion = "HomeRegion";
    public const string HomeCidr = "HomeCidr";
    public const string HomeTransitGatewayId = "HomeTransitGatewayId";
    public const string HomeHostedZoneId = "HomeHostedZoneId";
    public const string DatasetS3Uris = "DatasetS3Uris";
    public const string DatasetFsxPaths = "DatasetFsxPaths";

    /// <summary>FSx for Lustre allows 8 data repository associations per file system.</summary>
    public const int MaxDatasets = 8;
}
