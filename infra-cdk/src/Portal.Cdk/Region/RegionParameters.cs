using Amazon.CDK;
using Constructs;
using P = Portal.Cdk.Region.RegionParameterNames;

namespace Portal.Cdk.Region;

/// <summary>The RegionFoundation template's parameters, declared once with their constraints.</summary>
internal sealed class RegionParameters
{
    public RegionParameters(Construct scope)
    {
        VpcCidr = new CfnParameter(scope, P.VpcCidr, new CfnParameterProps
        {
            Type = "String",
            // A /16 in 10.0.0.0/8: subnets are carved with Fn::Cidr, and 10/8 is what the home VPC routes to the hub.
            AllowedPattern = @"^10\.([0-9]{1,3})\.0\.0/16$",
            Description = "This region's VPC, e.g. 10.1.0.0/16; must overlap no other portal region",
        });
        HomeRegion = new CfnParameter(scope, P.HomeRegion, new CfnParameterProps
        {
            Type = "String",
            AllowedPattern = "^[a-z]{2}(-[a-z]+)+-[0-9]+$",
            Description = "The portal's home region, e.g. eu-west-2",
        });
        HomeCidr = new CfnParameter(scope, P.HomeCidr, new CfnParameterProps
        {
            Type = "String",
            AllowedPattern = @"^[0-9]{1,3}(\.[0-9]{1,3}){3}/[0-9]{1,2}$",
            Description = "The home VPC's CIDR (scheduler and notebooks)",
        });
        HomeTransitGatewayId = new CfnParameter(scope, P.HomeTransitGatewayId, new CfnParameterProps
        {
            Type = "String",
            AllowedPattern = "^tgw-[0-9a-f]{8,17}$",
            Description = "HomeFoundation output TransitGatewayId",
        });
        HomeHostedZoneId = new CfnParameter(scope, P.HomeHostedZoneId, new CfnParameterProps
        {
            Type = "String",
            AllowedPattern = "^Z[0-9A-Z]{1,32}$",
            Description = "HomeFoundation output HostedZoneId (the Cloud Map namespace's private zone)",
        });
        // Unused since SessionWorkers takes the image itself (its Image parameter); still declared because the portal's
        // RegionFoundationParameters passes it. Remove it here and there together.
        DaskImage = new CfnParameter(scope, P.DaskImage, new CfnParameterProps
        {
            Type = "String",
            MinLength = 1,
            Description = "Unused: workers run the Image of their SessionWorkers stack. Kept while the portal still passes it",
        });
        DatasetS3Uris = new CfnParameter(scope, P.DatasetS3Uris, new CfnParameterProps
        {
            Type = "CommaDelimitedList",
            Description = $"Up to {P.MaxDatasets} S3 URIs, e.g. s3://era5-pds; position i pairs with DatasetFsxPaths position i",
        });
        DatasetFsxPaths = new CfnParameter(scope, P.DatasetFsxPaths, new CfnParameterProps
        {
            Type = "CommaDelimitedList",
            Description = "File system paths (without the /fsx mount point), e.g. /us-east-1/era5-pds",
        });
    }

    public CfnParameter VpcCidr { get; }

    public CfnParameter HomeRegion { get; }

    public CfnParameter HomeCidr { get; }

    public CfnParameter HomeTransitGatewayId { get; }

    public CfnParameter HomeHostedZoneId { get; }

    public CfnParameter DaskImage { get; }

    public CfnParameter DatasetS3Uris { get; }

    public CfnParameter DatasetFsxPaths { get; }
}
