using Amazon.CDK;
using Amazon.CDK.AWS.EC2;
using Constructs;

namespace Portal.Cdk.Home;

internal sealed class TransitHubConstructProps
{
    public required IVpc Vpc { get; init; }

    /// <summary>Worker-region CIDRs the home VPC routes to the Transit Gateway.</summary>
    public required IReadOnlyList<string> PeerCidrs { get; init; }
}

/// <summary>
/// The hub: a Transit Gateway with the home VPC attached. Worker regions peer with it from their RegionFoundation,
/// which also accepts the peering and adds the route back (the default route table, so no export is needed).
/// </summary>
internal sealed class TransitHubConstruct : Construct
{
    public TransitHubConstruct(Construct scope, string id, TransitHubConstructProps props)
        : base(scope, id)
    {
        TransitGateway = new CfnTransitGateway(this, "TransitGateway", new CfnTransitGatewayProps
        {
            Description = "Portal hub: worker regions peer here",
            AmazonSideAsn = 64512,
            AutoAcceptSharedAttachments = "disable",
            DefaultRouteTableAssociation = "enable",
            DefaultRouteTablePropagation = "enable",
            DnsSupport = "enable",
            Tags = [new CfnTag { Key = "Name", Value = "portal-hub" }],
        });

        var privateSubnets = props.Vpc.SelectSubnets(new SubnetSelection { SubnetType = SubnetType.PRIVATE_WITH_EGRESS });
        var attachment = new CfnTransitGatewayAttachment(this, "VpcAttachment", new CfnTransitGatewayAttachmentProps
        {
            TransitGatewayId = TransitGateway.Ref,
            VpcId = props.Vpc.VpcId,
            SubnetIds = privateSubnets.SubnetIds,
        });

        for (var s = 0; s < privateSubnets.Subnets.Length; s++)
        {
            for (var c = 0; c < props.PeerCidrs.Count; c++)
            {
                var route = new CfnRoute(this, $"Route{s}To{c}", new CfnRouteProps
                {
                    RouteTableId = privateSubnets.Subnets[s].RouteTable.RouteTableId,
                    DestinationCidrBlock = props.PeerCidrs[c],
                    TransitGatewayId = TransitGateway.Ref,
                });
                route.AddDependency(attachment);
            }
        }
    }

    public CfnTransitGateway TransitGateway { get; }
}
