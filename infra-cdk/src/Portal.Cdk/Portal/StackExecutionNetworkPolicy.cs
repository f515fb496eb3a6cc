using Amazon.CDK;
using Amazon.CDK.AWS.IAM;
using Portal.Cdk.Naming;
using Portal.Cdk.Shared;

namespace Portal.Cdk.Portal;

/// <summary>
/// The EC2 part of the stack execution role's policy. Every resource the portal's templates create carries
/// <c>portal-managed=true</c> (<see cref="PortalManagedStack"/>, and the stack tag the portal adds), and CloudFormation's
/// EC2 handlers pass tags in the create call; so a create is allowed only with that tag in the request
/// (<c>aws:RequestTag</c>) and everything else (changes, deletes, and the existing resources a create names, such as
/// the VPC of a new subnet) only on resources that carry it (<c>aws:ResourceTag</c>).
/// </summary>
/// <remarks>
/// What stays wider, and why: security group rules (<c>security-group-rule</c>, which CloudFormation never tags; their
/// group must be tagged); <c>CreateSecurityGroup</c> on any VPC (SessionScheduler's group lives in HomeFoundation's VPC,
/// the operator's stack, which is not tagged so that this role cannot change the home network); the new instance,
/// volume and network interface of the <c>RunInstances</c> check an Auto Scaling group makes with the caller's
/// permissions (no tags of ours in it); public AMIs; Describe, Get and Search actions, which change nothing.
/// </remarks>
internal static class StackExecutionNetworkPolicy
{
    /// <summary>The create actions of the templates' EC2 resources; also the values of <c>ec2:CreateAction</c> for tagging.</summary>
    public static readonly string[] CreateActions =
    [
        "ec2:CreateVpc", "ec2:CreateSubnet", "ec2:CreateRouteTable", "ec2:CreateInternetGateway", "ec2:AllocateAddress",
        "ec2:CreateNatGateway", "ec2:CreateVpcEndpoint", "ec2:CreateFlowLogs", "ec2:CreateSecurityGroup", "ec2:CreateTransitGateway",
        "ec2:CreateTransitGatewayRouteTable", "ec2:CreateTransitGatewayVpcAttachment", "ec2:CreateTransitGatewayPeeringAttachment",
        "ec2:CreateLaunchTemplate", "ec2:CreateManagedPrefixList",
    ];

    /// <summary>Changes to existing resources, allowed only on tagged ones (with the creates, for the resources they name).</summary>
    public static readonly string[] ChangeActions =
    [
        "ec2:DeleteVpc", "ec2:ModifyVpcAttribute", "ec2:DeleteSubnet", "ec2:ModifySubnetAttribute", "ec2:DeleteRouteTable",
        "ec2:AssociateRouteTable", "ec2:DisassociateRouteTable", "ec2:ReplaceRouteTableAssociation", "ec2:CreateRoute", "ec2:DeleteRoute",
        "ec2:ReplaceRoute", "ec2:DeleteInternetGateway", "ec2:AttachInternetGateway", "ec2:DetachInternetGateway", "ec2:ReleaseAddress",
        "ec2:DeleteNatGateway", "ec2:DeleteVpcEndpoints", "ec2:ModifyVpcEndpoint", "ec2:DeleteFlowLogs", "ec2:DeleteSecurityGroup",
        "ec2:AuthorizeSecurityGroupIngress", "ec2:AuthorizeSecurityGroupEgress", "ec2:RevokeSecurityGroupIngress",
        "ec2:RevokeSecurityGroupEgress", "ec2:UpdateSecurityGroupRuleDescriptionsIngress", "ec2:UpdateSecurityGroupRuleDescriptionsEgress",
        "ec2:DeleteTransitGateway", "ec2:ModifyTransitGateway", "ec2:DeleteTransitGatewayVpcAttachment", "ec2:ModifyTransitGatewayVpcAttachment",
        "ec2:DeleteTransitGatewayPeeringAttachment", "ec2:DeleteTransitGatewayRouteTable", "ec2:AssociateTransitGatewayRouteTable",
        "ec2:DisassociateTransitGatewayRouteTable", "ec2:EnableTransitGatewayRouteTablePropagation",
        "ec2:DisableTransitGatewayRouteTablePropagation", "ec2:CreateTransitGatewayRoute", "ec2:DeleteTransitGatewayRoute",
        "ec2:ReplaceTransitGatewayRoute", "ec2:ModifySecurityGroupRules", "ec2:CreateLaunchTemplateVersion", "ec2:DeleteLaunchTemplate", "ec2:ModifyLaunchTemplate",
        "ec2:DeleteManagedPrefixList", "ec2:ModifyManagedPrefixList", "ec2:RestoreManagedPrefixListVersion",
        "ec2:RunInstances", "ec2:CreateTags", "ec2:DeleteTags",
    ];

    /// <summary>What CloudFormation does to the rules of a group: add them, change their descriptions, remove them.</summary>
    public static readonly string[] SecurityGroupRuleActions =
    [
        "ec2:AuthorizeSecurityGroupIngress", "ec2:AuthorizeSecurityGroupEgress", "ec2:RevokeSecurityGroupIngress",
        "ec2:RevokeSecurityGroupEgress", "ec2:UpdateSecurityGroupRuleDescriptionsIngress", "ec2:UpdateSecurityGroupRuleDescriptionsEgress",
        "ec2:ModifySecurityGroupRules",
    ];

    public static IEnumerable<PolicyStatement> Statements()
    {
        var anything = AccountArns.AnyRegion("ec2", "*");
        yield return Statement("CreateTaggedNetworkResources", CreateActions, [anything], new()
        {
            ["StringEquals"] = new Dictionary<string, object> { [$"aws:RequestTag/{PortalNames.ManagedTagKey}"] = PortalNames.ManagedTagValue },
        });
        yield return Statement("ChangeTaggedNetworkResources", [.. CreateActions, .. ChangeActions], [anything], new()
        {
            ["StringEquals"] = new Dictionary<string, object> { [$"aws:ResourceTag/{PortalNames.ManagedTagKey}"] = PortalNames.ManagedTagValue },
        });
        yield return Statement("TagOnCreate", ["ec2:CreateTags"], [anything], new()
        {
            ["StringEquals"] = new Dictionary<string, object> { ["ec2:CreateAction"] = CreateActions.Append("ec2:RunInstances").Select(a => a["ec2:".Length..]).ToArray() },
        });
        // The rules of a tagged group: CloudFormation does not tag security group rules. Each of these calls is
        // authorized on the group (tagged, ChangeTaggedNetworkResources) and on the rule; an update or delete of an
        // AWS::EC2::SecurityGroupIngress/Egress, or of a group's inline rules, revokes or redescribes existing rules.
        yield return Statement("RulesOfTaggedGroups", SecurityGroupRuleActions, [
            AccountArns.AnyRegion("ec2", "security-group-rule/*"),
        ]);
        // SessionScheduler's group is in HomeFoundation's VPC, which is not tagged (the role must not change the home network).
        yield return Statement("GroupsInAnyVpc", ["ec2:CreateSecurityGroup"], [AccountArns.AnyRegion("ec2", "vpc/*")]);
        // CreateAutoScalingGroup checks RunInstances with the caller's permissions; the launch template, subnets and
        // groups must be tagged (above), the instance, volumes and interfaces do not exist yet.
        yield return Statement("CheckWorkerLaunches", ["ec2:RunInstances"], [
            AccountArns.AnyRegion("ec2", "instance/*"),
            AccountArns.AnyRegion("ec2", "volume/*"),
            AccountArns.AnyRegion("ec2", "network-interface/*"),
            Fn.Sub("arn:${AWS::Partition}:ec2:*::image/*"),
        ]);
        // CloudFormation's PrefixList handler reads the entries back after a create or modify.
        yield return Statement("ReadPrefixListEntries", ["ec2:GetManagedPrefixListEntries"], [AccountArns.AnyRegion("ec2", "prefix-list/*")]);
        yield return Statement("ReadTransitGatewayRoutes", ["ec2:SearchTransitGatewayRoutes"], [AccountArns.AnyRegion("ec2", "transit-gateway-route-table/*")]);
    }

    private static PolicyStatement Statement(string sid, string[] actions, string[] resources, Dictionary<string, object>? conditions = null) =>
        new(new PolicyStatementProps { Sid = sid, Actions = actions, Resources = resources, Conditions = conditions });
}
