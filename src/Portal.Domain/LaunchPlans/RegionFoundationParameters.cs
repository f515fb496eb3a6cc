using Portal.Domain.Datasets;

namespace Portal.Domain.LaunchPlans;

/// <summary>
/// The CloudFormation template that prepares a worker region (VPC, Transit Gateway peering with the home hub, FSx for
/// Lustre with the region's datasets, ECS capacity) and the parameter names the portal passes to it.
/// infra-cdk declares the same names and types; a contract test keeps the two lists equal.
/// </summary>
/// <remarks>
/// Datasets travel as two comma-delimited lists of equal length, position <c>i</c> of one pairing with position
/// <c>i</c> of the other: CloudFormation has no list-of-pairs type, and a fixed set of numbered parameters would
/// change the contract whenever the maximum does. The template creates one data repository association for each
/// position that has both values, up to <see cref="MaxDatasets"/> (the FSx limit per file system); values must not
/// contain commas.
/// </remarks>
public static class RegionFoundationParameters
{
    public const string Template = "RegionFoundation";

    /// <summary>This region's VPC, a <c>/16</c> inside <c>10.0.0.0/8</c> that overlaps no other region, e.g. <c>10.1.0.0/16</c>.</summary>
    public const string VpcCidr = "VpcCidr";

    /// <summary>The home region code, e.g. <c>eu-west-2</c>.</summary>
    public const string HomeRegion = "HomeRegion";

    /// <summary>The home VPC's CIDR, e.g. <c>10.0.0.0/16</c>: routed over the peering, allowed to reach the workers.</summary>
    public const string HomeCidr = "HomeCidr";

    /// <summary>The home Transit Gateway (HomeFoundation output <c>TransitGatewayId</c>), e.g. <c>tgw-0123456789abcdef0</c>.</summary>
    public const string HomeTransitGatewayId = "HomeTransitGatewayId";

    /// <summary>The private hosted zone of the schedulers' Cloud Map namespace (HomeFoundation output <c>HostedZoneId</c>).</summary>
    public const string HomeHostedZoneId = "HomeHostedZoneId";

    /// <summary>Comma-delimited S3 URIs of the region's datasets, e.g. <c>s3://era5-pds</c>.</summary>
    public const string DatasetS3Uris = "DatasetS3Uris";

    /// <summary>Comma-delimited file system paths, e.g. <c>/us-east-1/era5-pds</c> (see <see cref="FileSystemPath"/>).</summary>
    public const string DatasetFsxPaths = "DatasetFsxPaths";

    /// <summary>FSx for Lustre allows at most 8 data repository associations per file system.</summary>
    public const int MaxDatasets = 8;

    /// <summary>Where workers mount the region's file system; dataset paths are below it.</summary>
    public const string MountPoint = "/fsx";

    /// <summary>CloudFormation's type name for <see cref="DatasetS3Uris"/> and <see cref="DatasetFsxPaths"/>: join values with commas.</summary>
    public const string ListType = "CommaDelimitedList";

    /// <summary>CloudFormation's type name for the other parameters.</summary>
    public const string TextType = "String";

    /// <summary>Every parameter with its CloudFormation type, in the order the portal writes them.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Types { get; } =
    [
        new(VpcCidr, TextType),
        new(HomeRegion, TextType),
        new(HomeCidr, TextType),
        new(HomeTransitGatewayId, TextType),
        new(HomeHostedZoneId, TextType),
        new(DatasetS3Uris, ListType),
        new(DatasetFsxPaths, ListType),
    ];

    /// <summary>
    /// The data repository association path of a dataset: its <see cref="DataLocation.FsxPath"/> without the
    /// <see cref="MountPoint"/>, e.g. <c>/us-east-1/era5-pds</c> for <c>/fsx/us-east-1/era5-pds</c>.
    /// </summary>
    public static string FileSystemPath(DataLocation location)
    {
        ArgumentNullException.ThrowIfNull(location);
        return location.FsxPath.StartsWith(MountPoint + "/", StringComparison.Ordinal)
            ? location.FsxPath[MountPoint.Length..]
            : throw new DomainException($"{location.FsxPath} is not below {MountPoint}.");
    }
}
