using Amazon.CDK;
using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.KMS;
using Amazon.CDK.AWS.Logs;
using Constructs;
using Portal.Cdk.Naming;
using Portal.Cdk.Shared;

namespace Portal.Cdk.Region;

internal sealed class ParameterizedNetworkConstructProps
{
    /// <summary>A /16 known only at deployment (a parameter): subnets are carved with Fn::Cidr.</summary>
    public required string Cidr { get; init; }

    public required IKey Key { get; init; }
}

/// <summary>
/// The VPC of a worker region, built from L1 resources because its CIDR is a template parameter (the L2 Vpc computes
/// subnets at synth time). Two AZs, public /20s with one NAT gateway, private /20s, an S3 gateway endpoint, flow logs.
/// </summary>
internal sealed class ParameterizedNetworkConstruct : Construct
{
    public ParameterizedNetworkConstruct(Construct scope, string id, ParameterizedNetworkConstructProps props)
        : base(scope, id)
    {
        Vpc = new CfnVPC(this, "Vpc", new CfnVPCProps
        {
            CidrBlock = props.Cidr,
            EnableDnsHostnames = true,
            EnableDnsSupport = true,
            Tags = [new CfnTag { Key = "Name", Value = "portal-workers" }],
        });
        var blocks = Fn.Cidr(props.Cidr, 4, "12");

        var gateway = new CfnInternetGateway(this, "InternetGateway");
        var gatewayAttachment = new CfnVPCGatewayAttachment(this, "InternetGatewayAttachment", new CfnVPCGatewayAttachmentProps
        {
            VpcId = Vpc.Ref,
            InternetGatewayId = gateway.Ref,
        });

        var publicTable = new CfnRouteTable(this, "PublicRoutes", new CfnRouteTableProps { VpcId = Vpc.Ref });
        var toInternet = new CfnRoute(this, "PublicDefaultRoute", new CfnRouteProps
        {
            RouteTableId = publicTable.Ref,
            DestinationCidrBlock = "0.0.0.0/0",
            GatewayId = gateway.Ref,
        });
        toInternet.AddDependency(gatewayAttachment);

        PrivateRouteTable = new CfnRouteTable(this, "PrivateRoutes", new CfnRouteTableProps { VpcId = Vpc.Ref });
        var publicSubnets = new List<CfnSubnet>();
        var privateSubnets = new List<CfnSubnet>();
        for (var az = 0; az < 2; az++)
        {
            publicSubnets.Add(Subnet($"Public{az}", az, Fn.Select(az, blocks), publicTable, mapPublicIp: true));
            privateSubnets.Add(Subnet($"Private{az}", az, Fn.Select(2 + az, blocks), PrivateRouteTable, mapPublicIp: false));
        }

        var address = new CfnEIP(this, "NatAddress", new CfnEIPProps { Domain = "vpc" });
        var nat = new CfnNatGateway(this, "Nat", new CfnNatGatewayProps
        {
            SubnetId = publicSubnets[0].Ref,
            AllocationId = address.AttrAllocationId,
        });
        // Nothing in the NAT's properties refers to the internet gateway, so CloudFormation could create it before the
        // gateway is attached (EC2 then fails it: "Network vpc-… has no Internet gateway attached") and delete the
        // attachment before the NAT on teardown. The CDK Vpc adds the same dependencies.
        nat.AddDependency(gatewayAttachment);
        nat.AddDependency(toInternet);
        _ = new CfnRoute(this, "PrivateDefaultRoute", new CfnRouteProps
        {
            RouteTableId = PrivateRouteTable.Ref,
            DestinationCidrBlock = "0.0.0.0/0",
            NatGatewayId = nat.Ref,
        });

        var s3Endpoint = new CfnVPCEndpoint(this, "S3Endpoint", new CfnVPCEndpointProps
        {
            VpcId = Vpc.Ref,
            ServiceName = Fn.Sub("com.amazonaws.${AWS::Region}.s3"),
            VpcEndpointType = "Gateway",
            RouteTableIds = [PrivateRouteTable.Ref, publicTable.Ref],
        });
        // CloudFormation takes Tags on endpoints, this CDK version's L1 does not: the stack execution role may create
        // EC2 resources only with portal-managed=true in the request.
        s3Endpoint.AddPropertyOverride("Tags", new[] { new Dictionary<string, string> { ["Key"] = PortalNames.ManagedTagKey, ["Value"] = PortalNames.ManagedTagValue } });

        AddFlowLogs(props.Key);
        PrivateSubnetIds = [.. privateSubnets.Select(s => s.Ref)];
    }

    public CfnVPC Vpc { get; }

    public CfnRouteTable PrivateRouteTable { get; }

    public IReadOnlyList<string> PrivateSubnetIds { get; }

    private CfnSubnet Subnet(string id, int az, string cidr, CfnRouteTable table, bool mapPublicIp)
    {
        var subnet = new CfnSubnet(this, id, new CfnSubnetProps
        {
            VpcId = Vpc.Ref,
            CidrBlock = cidr,
            AvailabilityZone = Fn.Select(az, Fn.GetAzs()),
            MapPublicIpOnLaunch = mapPublicIp,
            Tags = [new CfnTag { Key = "Name", Value = "portal-workers-" + id.ToLowerInvariant() }],
        });
        _ = new CfnSubnetRouteTableAssociation(this, id + "Routes", new CfnSubnetRouteTableAssociationProps
        {
            SubnetId = subnet.Ref,
            RouteTableId = table.Ref,
        });
        return subnet;
    }

    private void AddFlowLogs(IKey key)
    {
        var logGroup = EncryptedLogGroups.Create(this, "FlowLogs", key, RetentionDays.ONE_YEAR);
        var role = new Role(this, "FlowLogRole", new RoleProps
        {
            AssumedBy = new ServicePrincipal("vpc-flow-logs.amazonaws.com"),
            Description = "Writes this VPC's flow logs",
        });
        _ = logGroup.GrantWrite(role);
        _ = role.AddToPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Actions = ["logs:DescribeLogStreams"],
            Resources = [logGroup.LogGroupArn],
        }));
        _ = new CfnFlowLog(this, "FlowLog", new CfnFlowLogProps
        {
            ResourceId = Vpc.Ref,
            ResourceType = "VPC",
            TrafficType = "ALL",
            LogDestinationType = "cloud-watch-logs",
            LogGroupName = logGroup.LogGroupName,
            DeliverLogsPermissionArn = role.RoleArn,
        });
    }
}
