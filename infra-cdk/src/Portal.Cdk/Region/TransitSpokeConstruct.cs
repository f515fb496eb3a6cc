using Amazon.CDK;
using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.KMS;
using Constructs;
using Portal.Cdk.Handlers;

namespace Portal.Cdk.Region;

internal sealed class TransitSpokeConstructProps
{
    public required ParameterizedNetworkConstruct Network { get; init; }

    public required string VpcCidr { get; init; }

    /// <summary>Every worker region's CIDR (<c>portal:workerRegions</c>), this one's among them.</summary>
    public required IReadOnlyList<string> WorkerCidrs { get; init; }

    public required string HomeRegion { get; init; }

    public required string HomeCidr { get; init; }

    public required string HomeTransitGatewayId { get; init; }

    public required IKey LogKey { get; init; }
}

/// <summary>
/// This region's Transit Gateway, peered with the home hub. CloudFormation can request a peering but not accept it in
/// the other region, so a small inline custom resource accepts it there and adds the hub's route back to this CIDR.
/// Every other worker region is routed through the hub as well (issue 13, point 4): Dask workers fetch a task's inputs
/// from whichever worker holds them, so a task that combines two pools makes one worker call the other directly. The
/// hub's table already routes each worker CIDR to that region's peering (the acceptor adds it), so this region sends
/// other worker CIDRs to the hub, and the hub passes them on: no peering between worker regions, one hop more.
/// </summary>
internal sealed class TransitSpokeConstruct : Construct
{
    public TransitSpokeConstruct(Construct scope, string id, TransitSpokeConstructProps props)
        : base(scope, id)
    {
        var gateway = new CfnTransitGateway(this, "TransitGateway", new CfnTransitGatewayProps
        {
            Description = "Portal worker region: peers with the home hub",
            // The hub uses 64512; peers should not share an ASN.
            AmazonSideAsn = 64513,
            AutoAcceptSharedAttachments = "disable",
            DefaultRouteTableAssociation = "disable",
            DefaultRouteTablePropagation = "disable",
            DnsSupport = "enable",
            Tags = [new CfnTag { Key = "Name", Value = "portal-spoke" }],
        });
        var table = new CfnTransitGatewayRouteTable(this, "RouteTable", new CfnTransitGatewayRouteTableProps { TransitGatewayId = gateway.Ref });

        var vpcAttachment = new CfnTransitGatewayAttachment(this, "VpcAttachment", new CfnTransitGatewayAttachmentProps
        {
            TransitGatewayId = gateway.Ref,
            VpcId = props.Network.Vpc.Ref,
            SubnetIds = [.. props.Network.PrivateSubnetIds],
        });
        _ = new CfnTransitGatewayRouteTableAssociation(this, "VpcAssociation", new CfnTransitGatewayRouteTableAssociationProps
        {
            TransitGatewayRouteTableId = table.Ref,
            TransitGatewayAttachmentId = vpcAttachment.Ref,
        });
        _ = new CfnTransitGatewayRouteTablePropagation(this, "VpcPropagation", new CfnTransitGatewayRouteTablePropagationProps
        {
            TransitGatewayRouteTableId = table.Ref,
            TransitGatewayAttachmentId = vpcAttachment.Ref,
        });
        var vpcRoute = new CfnRoute(this, "HomeRoute", new CfnRouteProps
        {
            RouteTableId = props.Network.PrivateRouteTable.Ref,
            DestinationCidrBlock = props.HomeCidr,
            TransitGatewayId = gateway.Ref,
        });
        vpcRoute.AddDependency(vpcAttachment);

        var peering = new CfnTransitGatewayPeeringAttachment(this, "Peering", new CfnTransitGatewayPeeringAttachmentProps
        {
            TransitGatewayId = gateway.Ref,
            PeerTransitGatewayId = props.HomeTransitGatewayId,
            PeerRegion = props.HomeRegion,
            PeerAccountId = Aws.ACCOUNT_ID,
            Tags = [new CfnTag { Key = "Name", Value = "portal-hub-peering" }],
        });

        var acceptance = new CustomResource(this, "Acceptance", new CustomResourceProps
        {
            ResourceType = "Custom::PortalPeeringAcceptance",
            ServiceToken = Acceptor(props).Function.FunctionArn,
            Properties = new Dictionary<string, object>
            {
                ["HomeRegion"] = props.HomeRegion,
                ["HomeTransitGatewayId"] = props.HomeTransitGatewayId,
                ["AttachmentId"] = peering.AttrTransitGatewayAttachmentId,
                ["DestinationCidr"] = props.VpcCidr,
            },
        });

        var peeringAssociation = new CfnTransitGatewayRouteTableAssociation(this, "PeeringAssociation", new CfnTransitGatewayRouteTableAssociationProps
        {
            TransitGatewayRouteTableId = table.Ref,
            TransitGatewayAttachmentId = peering.AttrTransitGatewayAttachmentId,
        });
        peeringAssociation.Node.AddDependency(acceptance);
        var homeRoute = new CfnTransitGatewayRoute(this, "HubRoute", new CfnTransitGatewayRouteProps
        {
            TransitGatewayRouteTableId = table.Ref,
            DestinationCidrBlock = props.HomeCidr,
            TransitGatewayAttachmentId = peering.AttrTransitGatewayAttachmentId,
        });
        homeRoute.Node.AddDependency(acceptance);

        RouteOtherWorkerRegions(props, gateway, table, vpcAttachment, peering, acceptance);
    }

    /// <summary>
    /// Routes to every worker CIDR but this region's own (a route to the VPC's own block is refused), each guarded by a
    /// condition on VpcCidr: the template is one for every region, the CIDRs are known when it is synthesized.
    /// </summary>
    private void RouteOtherWorkerRegions(
        TransitSpokeConstructProps props,
        CfnTransitGateway gateway,
        CfnTransitGatewayRouteTable table,
        CfnTransitGatewayAttachment vpcAttachment,
        CfnTransitGatewayPeeringAttachment peering,
        CustomResource acceptance)
    {
        for (var i = 0; i < props.WorkerCidrs.Count; i++)
        {
            var other = new CfnCondition(this, $"OtherWorkerRegion{i}", new CfnConditionProps
            {
                Expression = Fn.ConditionNot(Fn.ConditionEquals(props.VpcCidr, props.WorkerCidrs[i])),
            });
            var vpcRoute = new CfnRoute(this, $"WorkerRoute{i}", new CfnRouteProps
            {
                RouteTableId = props.Network.PrivateRouteTable.Ref,
                DestinationCidrBlock = props.WorkerCidrs[i],
                TransitGatewayId = gateway.Ref,
            });
            vpcRoute.CfnOptions.Condition = other;
            vpcRoute.AddDependency(vpcAttachment);

            var hubRoute = new CfnTransitGatewayRoute(this, $"WorkerHubRoute{i}", new CfnTransitGatewayRouteProps
            {
                TransitGatewayRouteTableId = table.Ref,
                DestinationCidrBlock = props.WorkerCidrs[i],
                TransitGatewayAttachmentId = peering.AttrTransitGatewayAttachmentId,
            });
            hubRoute.CfnOptions.Condition = other;
            hubRoute.Node.AddDependency(acceptance);
        }

        // One prefix list of every worker region for the session's workers' ingress rule (SessionWorkers imports it).
        WorkerPeers = new CfnPrefixList(this, "WorkerPeers", new CfnPrefixListProps
        {
            PrefixListName = "portal-worker-peers",
            AddressFamily = "IPv4",
            MaxEntries = Math.Max(1, props.WorkerCidrs.Count),
            Entries = props.WorkerCidrs.Select(object (cidr) => new CfnPrefixList.EntryProperty { Cidr = cidr, Description = "Portal worker region" }).ToArray(),
        });
    }

    /// <summary>Every worker region's CIDR, this one's included (its own workers are admitted anyway).</summary>
    public CfnPrefixList WorkerPeers { get; private set; } = null!;

    private InlineHandlerConstruct Acceptor(TransitSpokeConstructProps props)
    {
        var homeArn = (string resource) => Fn.Join("", ["arn:", Aws.PARTITION, ":ec2:", props.HomeRegion, ":", Aws.ACCOUNT_ID, ":", resource]);
        return new InlineHandlerConstruct(this, "Acceptor", new InlineHandlerConstructProps
        {
            Script = "peering_acceptor.py",
            LogKey = props.LogKey,
            // Acceptance can take several minutes; the handler polls until the attachment is available.
            Timeout = Duration.Minutes(14),
            Statements =
            [
                new PolicyStatement(new PolicyStatementProps
                {
                    Sid = "AcceptInHome",
                    Actions = ["ec2:AcceptTransitGatewayPeeringAttachment"],
                    Resources = [homeArn("transit-gateway-attachment/*")],
                }),
                new PolicyStatement(new PolicyStatementProps
                {
                    Sid = "RouteInHome",
                    Actions = ["ec2:CreateTransitGatewayRoute", "ec2:ReplaceTransitGatewayRoute", "ec2:DeleteTransitGatewayRoute", "ec2:SearchTransitGatewayRoutes"],
                    Resources = [homeArn("transit-gateway-route-table/*"), homeArn("transit-gateway-attachment/*")],
                }),
                new PolicyStatement(new PolicyStatementProps
                {
                    Sid = "DescribeTransitGateways",
                    Actions = ["ec2:DescribeTransitGateways", "ec2:DescribeTransitGatewayPeeringAttachments"],
                    // EC2 Describe* actions support no resource-level permissions: "*" is the only valid resource.
                    Resources = ["*"],
                }),
            ],
        });
    }
}
