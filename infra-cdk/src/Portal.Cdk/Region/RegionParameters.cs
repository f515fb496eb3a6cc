using System.Net;
using System.Text.RegularExpressions;
using Amazon.CDK;
using Constructs;
using P = Portal.Cdk.Region.RegionParameterNames;

namespace Portal.Cdk.Region;

/// <summary>The RegionFoundation template's parameters, declared once with their constraints.</summary>
internal sealed class RegionParameters
{
    /// <summary>A /16 in 10.0.0.0/8, written so that no other text can match.</summary>
    public const string VpcCidrPattern = @"^10\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\.0\.0/16$";

    /// <summary>An IPv4 block of a size a VPC can have (/16 to /28): never 0.0.0.0/0 or another wide range.</summary>
    public const string HomeCidrPattern =
        @"^(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}/(1[6-9]|2[0-8])$";

    /// <param name="scope">The RegionFoundation stack.</param>
    /// <param name="workerCidrs">
    /// The CIDRs of <c>portal:workerRegions</c>: the only ones HomeFoundation routes to the hub and admits to
    /// schedulers (both are fixed at synth time), so the only ones a region may take.
    /// </param>
    /// <param name="homeCidr">The home VPC's CIDR (<c>portal:homeCidr</c>), the only value HomeCidr takes.</param>
    /// <param name="portalCidr">The portal's VPC (<c>portal:portalCidr</c>), which no worker CIDR may overlap.</param>
    public RegionParameters(Construct scope, IReadOnlyList<string> workerCidrs, string homeCidr, string portalCidr)
    {
        CheckWorkerCidrs(workerCidrs, homeCidr, portalCidr);
        VpcCidr = new CfnParameter(scope, P.VpcCidr, new CfnParameterProps
        {
            Type = "String",
            // A /16 in 10.0.0.0/8 (subnets are carved with Fn::Cidr), and one the home region knows: a CIDR it does not
            // route would peer but never reach the scheduler, and the home or portal CIDR would shadow their routes.
            AllowedPattern = VpcCidrPattern,
            AllowedValues = [.. workerCidrs],
            Description = "This region's VPC: its CIDR in portal:workerRegions, e.g. 10.1.0.0/16 for us-east-1",
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
            // It becomes routes and ingress rules (workers admit it on the Dask ports): never 0.0.0.0/0 or any other
            // block, only the home VPC's. The pattern (a VPC-sized IPv4 block, /16 to /28) restates it for readers.
            AllowedPattern = HomeCidrPattern,
            AllowedValues = [homeCidr],
            Description = "The home VPC's CIDR (scheduler and notebooks), portal:homeCidr",
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

    /// <summary>
    /// Refuses, at synth time, a home CIDR the HomeCidr parameter could not take, and worker CIDRs the VpcCidr parameter
    /// could not take or that would collide with the home or portal VPC: each must be a /16 inside 10.0.0.0/8 (subnets
    /// are carved with Fn::Cidr) and overlap neither.
    /// </summary>
    public static void CheckWorkerCidrs(IReadOnlyList<string> workerCidrs, string homeCidr, string portalCidr)
    {
        ArgumentNullException.ThrowIfNull(workerCidrs);
        if (!Regex.IsMatch(homeCidr, HomeCidrPattern))
        {
            throw new InvalidOperationException($"Home CIDR {homeCidr} (portal:homeCidr) is not a VPC-sized IPv4 block (/16 to /28).");
        }

        foreach (var cidr in workerCidrs)
        {
            if (!Regex.IsMatch(cidr, VpcCidrPattern) || !IPNetwork.TryParse(cidr, out var worker))
            {
                throw new InvalidOperationException($"Worker CIDR {cidr} (portal:workerRegions) is not a /16 inside 10.0.0.0/8.");
            }

            foreach (var (name, other) in new[] { ("home", homeCidr), ("portal", portalCidr) })
            {
                var network = IPNetwork.Parse(other);
                if (network.Contains(worker.BaseAddress) || worker.Contains(network.BaseAddress))
                {
                    throw new InvalidOperationException($"Worker CIDR {cidr} (portal:workerRegions) overlaps the {name} VPC's {other}.");
                }
            }
        }
    }

    public CfnParameter VpcCidr { get; }

    public CfnParameter HomeRegion { get; }

    public CfnParameter HomeCidr { get; }

    public CfnParameter HomeTransitGatewayId { get; }

    public CfnParameter HomeHostedZoneId { get; }

    public CfnParameter DatasetS3Uris { get; }

    public CfnParameter DatasetFsxPaths { get; }
}
