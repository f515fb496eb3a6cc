using Amazon.CDK.AWS.IAM;
using Constructs;
using Portal.Cdk.Naming;
using Portal.Cdk.Shared;

namespace Portal.Cdk.Portal;

/// <summary>
/// The permissions boundary of every role a portal-deployed template creates (<see cref="PortalManagedStack"/>), and
/// the only boundary the stack execution role may create roles with: whatever a template's role policy says, such a
/// role can do no more than this. It is the union of what those roles need (custom-resource handlers, flow logs, worker
/// instances and tasks), with no IAM, KMS administration or data access in it.
/// </summary>
internal sealed class StackRoleBoundaryConstruct : Construct
{
    public StackRoleBoundaryConstruct(Construct scope, string id)
        : base(scope, id)
    {
        Policy = new ManagedPolicy(this, "Policy", new ManagedPolicyProps
        {
            ManagedPolicyName = PortalNames.StackRoleBoundary,
            Description = "Permissions boundary of the roles in stacks the portal creates",
            Statements =
            [
                Allow("WriteOwnLogs", ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"], [
                    AccountArns.AnyRegion("logs", "log-group:" + PortalNames.PortalStackPrefix + "*"),
                ]),
                Allow("PullImages", ["ecr:BatchCheckLayerAvailability", "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"], [
                    AccountArns.AnyRegion("ecr", "repository/*"),
                ]),
                Allow("RunWorkerInstances", [
                    "ecs:RegisterContainerInstance", "ecs:DeregisterContainerInstance", "ecs:SubmitContainerStateChange",
                    "ecs:SubmitTaskStateChange", "ecs:SubmitAttachmentStateChanges", "ecs:Poll", "ecs:StartTelemetrySession",
                    "ecs:UpdateContainerInstancesState",
                ], [
                    AccountArns.AnyRegion("ecs", "cluster/" + PortalNames.WorkerCluster),
                    AccountArns.AnyRegion("ecs", "container-instance/" + PortalNames.WorkerCluster + "/*"),
                ]),
                // Worker instances that cannot mount /fsx report themselves unhealthy (WorkerUserData).
                Allow("ReportWorkerHealth", ["autoscaling:SetInstanceHealth"], [
                    AccountArns.AnyRegion("autoscaling", "autoScalingGroup:*:autoScalingGroupName/*"),
                ]),
                Allow("AssociateSchedulerZone", ["route53:GetHostedZone", "route53:AssociateVPCWithHostedZone", "route53:DisassociateVPCFromHostedZone"], [
                    AccountArns.Global("route53", "hostedzone/*"),
                ]),
                Allow("AcceptPeeringAndRoute", [
                    "ec2:AcceptTransitGatewayPeeringAttachment", "ec2:CreateTransitGatewayRoute", "ec2:ReplaceTransitGatewayRoute",
                    "ec2:DeleteTransitGatewayRoute", "ec2:SearchTransitGatewayRoutes",
                ], [
                    AccountArns.AnyRegion("ec2", "transit-gateway-attachment/*"),
                    AccountArns.AnyRegion("ec2", "transit-gateway-route-table/*"),
                ]),
                // These actions have no resource type: "*" is the only valid resource.
                Allow("NoResourceLevelPermissions", [
                    "ecr:GetAuthorizationToken", "ecs:DiscoverPollEndpoint", "ec2:DescribeVpcs", "ec2:DescribeTransitGateways",
                    "ec2:DescribeTransitGatewayPeeringAttachments",
                ], ["*"]),
            ],
        });
    }

    public ManagedPolicy Policy { get; }

    private static PolicyStatement Allow(string sid, string[] actions, string[] resources) =>
        new(new PolicyStatementProps { Sid = sid, Actions = actions, Resources = resources });
}
