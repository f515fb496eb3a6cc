using Amazon.CDK;
using Amazon.CDK.AWS.IAM;
using Constructs;
using Portal.Cdk.Naming;

namespace Portal.Cdk.Portal;

/// <summary>
/// The role CloudFormation assumes for the stacks the portal creates (RegionFoundation, SessionScheduler,
/// SessionWorkers) in any region. Actions are listed one by one; resources are this account's, and names start with
/// <c>portal-</c> where the service lets CloudFormation name them after the stack. The portal itself may only pass
/// this role, and only with templates from the artifacts bucket (see <see cref="PortalTaskPermissions"/>).
/// </summary>
internal sealed class StackExecutionRoleConstruct : Construct
{
    public StackExecutionRoleConstruct(Construct scope, string id)
        : base(scope, id)
    {
        Role = new Role(this, "Role", new RoleProps
        {
            AssumedBy = new ServicePrincipal("cloudformation.amazonaws.com"),
            RoleName = PortalNames.StackExecutionRoleName,
            Description = "CloudFormation execution role for stacks the portal creates",
        });

        string Account(string service, string resource) =>
            Fn.Sub($"arn:${{AWS::Partition}}:{service}:*:${{AWS::AccountId}}:{resource}");
        string Global(string service, string resource) =>
            Fn.Sub($"arn:${{AWS::Partition}}:{service}::${{AWS::AccountId}}:{resource}");

        Allow("Networking", [
            "ec2:CreateVpc", "ec2:DeleteVpc", "ec2:ModifyVpcAttribute", "ec2:CreateSubnet", "ec2:DeleteSubnet", "ec2:ModifySubnetAttribute",
            "ec2:CreateRouteTable", "ec2:DeleteRouteTable", "ec2:AssociateRouteTable", "ec2:DisassociateRouteTable", "ec2:CreateRoute", "ec2:DeleteRoute", "ec2:ReplaceRoute",
            "ec2:CreateInternetGateway", "ec2:DeleteInternetGateway", "ec2:AttachInternetGateway", "ec2:DetachInternetGateway",
            "ec2:AllocateAddress", "ec2:ReleaseAddress", "ec2:CreateNatGateway", "ec2:DeleteNatGateway",
            "ec2:CreateVpcEndpoint", "ec2:DeleteVpcEndpoints", "ec2:ModifyVpcEndpoint", "ec2:CreateFlowLogs", "ec2:DeleteFlowLogs",
            "ec2:CreateSecurityGroup", "ec2:DeleteSecurityGroup", "ec2:AuthorizeSecurityGroupIngress", "ec2:AuthorizeSecurityGroupEgress",
            "ec2:RevokeSecurityGroupIngress", "ec2:RevokeSecurityGroupEgress", "ec2:CreateTags", "ec2:DeleteTags",
            "ec2:CreateTransitGateway", "ec2:DeleteTransitGateway", "ec2:ModifyTransitGateway",
            "ec2:CreateTransitGatewayVpcAttachment", "ec2:DeleteTransitGatewayVpcAttachment", "ec2:ModifyTransitGatewayVpcAttachment",
            "ec2:CreateTransitGatewayPeeringAttachment", "ec2:DeleteTransitGatewayPeeringAttachment",
            "ec2:CreateTransitGatewayRouteTable", "ec2:DeleteTransitGatewayRouteTable", "ec2:AssociateTransitGatewayRouteTable", "ec2:DisassociateTransitGatewayRouteTable",
            "ec2:EnableTransitGatewayRouteTablePropagation", "ec2:DisableTransitGatewayRouteTablePropagation",
            "ec2:CreateTransitGatewayRoute", "ec2:DeleteTransitGatewayRoute", "ec2:ReplaceTransitGatewayRoute",
            "ec2:CreateLaunchTemplate", "ec2:CreateLaunchTemplateVersion", "ec2:DeleteLaunchTemplate", "ec2:ModifyLaunchTemplate", "ec2:RunInstances",
        ], [Account("ec2", "*"), Fn.Sub("arn:${AWS::Partition}:ec2:*::image/*")]);
        Allow("ContainersAndScaling", [
            "ecs:CreateCluster", "ecs:DeleteCluster", "ecs:DescribeClusters", "ecs:UpdateCluster", "ecs:UpdateClusterSettings", "ecs:PutClusterCapacityProviders",
            "ecs:CreateCapacityProvider", "ecs:UpdateCapacityProvider", "ecs:DeleteCapacityProvider",
            "ecs:CreateService", "ecs:UpdateService", "ecs:DeleteService", "ecs:DescribeServices", "ecs:TagResource", "ecs:UntagResource",
            "autoscaling:CreateAutoScalingGroup", "autoscaling:UpdateAutoScalingGroup", "autoscaling:DeleteAutoScalingGroup",
            "autoscaling:CreateOrUpdateTags", "autoscaling:DeleteTags",
        ], [Account("ecs", "*"), Account("autoscaling", "*")]);
        Allow("FileSystems", [
            "fsx:CreateFileSystem", "fsx:DeleteFileSystem", "fsx:UpdateFileSystem", "fsx:TagResource", "fsx:UntagResource",
            "fsx:CreateDataRepositoryAssociation", "fsx:DeleteDataRepositoryAssociation", "fsx:UpdateDataRepositoryAssociation",
        ], [Account("fsx", "*")]);
        // A data repository association makes FSx create the service-linked role AWSServiceRoleForFSxS3Access_<fs id> and
        // put the bucket's access policy on it, on the caller's behalf (FSx for Lustre guide, "Linking your file system
        // to an S3 bucket": these three actions on that path).
        Allow("LinkDatasetBuckets", ["iam:CreateServiceLinkedRole", "iam:AttachRolePolicy", "iam:PutRolePolicy"], [
            Global("iam", "role/aws-service-role/s3.data-source.lustre.fsx.amazonaws.com/*"),
        ]);
        // Linking a bucket needs read access to it; the public datasets live in other accounts' buckets.
        Allow("ReadDatasetBuckets", ["s3:GetBucketLocation", "s3:GetBucketAcl", "s3:ListBucket", "s3:GetObject"], [Fn.Sub("arn:${AWS::Partition}:s3:::*")]);
        Allow("Discovery", [
            "servicediscovery:CreateService", "servicediscovery:DeleteService", "servicediscovery:GetService", "servicediscovery:UpdateService",
            "servicediscovery:TagResource", "servicediscovery:UntagResource", "servicediscovery:GetNamespace",
            "route53:GetHostedZone", "route53:ChangeResourceRecordSets", "route53:CreateHealthCheck", "route53:DeleteHealthCheck", "route53:GetHealthCheck",
        ], [Account("servicediscovery", "*"), Fn.Sub("arn:${AWS::Partition}:route53:::hostedzone/*"), Fn.Sub("arn:${AWS::Partition}:route53:::healthcheck/*")]);
        Allow("StackRoles", [
            "iam:CreateRole", "iam:DeleteRole", "iam:GetRole", "iam:UpdateRole", "iam:TagRole", "iam:UntagRole", "iam:PassRole",
            "iam:PutRolePolicy", "iam:DeleteRolePolicy", "iam:GetRolePolicy", "iam:ListRolePolicies", "iam:ListAttachedRolePolicies",
            "iam:CreateInstanceProfile", "iam:DeleteInstanceProfile", "iam:GetInstanceProfile", "iam:AddRoleToInstanceProfile", "iam:RemoveRoleFromInstanceProfile",
        ], [Global("iam", "role/portal-*"), Global("iam", "instance-profile/portal-*")]);
        // Session stacks hand HomeFoundation's scheduler roles to ECS; that stack is the operator's, so not named portal-*.
        Allow("PassHomeFoundationRoles", ["iam:PassRole"], [Global("iam", "role/" + Naming.PortalNames.HomeFoundationStackName + "-*")]);
        Allow("ServiceLinkedRoles", ["iam:CreateServiceLinkedRole"], [Global("iam", "role/aws-service-role/*")]);
        Allow("Handlers", [
            "lambda:CreateFunction", "lambda:DeleteFunction", "lambda:GetFunction", "lambda:UpdateFunctionCode", "lambda:UpdateFunctionConfiguration",
            "lambda:InvokeFunction", "lambda:TagResource", "lambda:UntagResource",
        ], [Account("lambda", "function:portal-*")]);
        Allow("Logs", [
            "logs:CreateLogGroup", "logs:DeleteLogGroup", "logs:PutRetentionPolicy", "logs:DeleteRetentionPolicy", "logs:AssociateKmsKey",
            "logs:TagResource", "logs:UntagResource", "logs:TagLogGroup",
        ], [Account("logs", "log-group:portal-*")]);
        Allow("Keys", [
            "kms:CreateAlias", "kms:DeleteAlias", "kms:DescribeKey", "kms:EnableKeyRotation", "kms:GetKeyPolicy", "kms:GetKeyRotationStatus", "kms:PutKeyPolicy",
            "kms:ScheduleKeyDeletion", "kms:TagResource", "kms:UntagResource", "kms:UpdateKeyDescription", "kms:CreateGrant", "kms:Decrypt", "kms:GenerateDataKey*",
        ], [Account("kms", "key/*"), Account("kms", "alias/*")]);
        // Worker launch templates name the ECS-optimised AMI by its public parameter (resolve:ssm:...).
        Allow("EcsAmiParameter", ["ssm:GetParameter", "ssm:GetParameters"], [
            Fn.Sub("arn:${AWS::Partition}:ssm:*::parameter/aws/service/ecs/*"),
        ]);

        // These actions have no resource type (or CloudFormation calls them before a resource exists): "*" is the only valid resource.
        Allow("NoResourceLevelPermissions", [
            "ec2:Describe*", "ecs:RegisterTaskDefinition", "ecs:DeregisterTaskDefinition", "ecs:DescribeTaskDefinition", "ecs:DescribeCapacityProviders",
            "autoscaling:Describe*", "fsx:Describe*", "kms:CreateKey", "logs:DescribeLogGroups", "servicediscovery:GetOperation",
        ], ["*"]);
    }

    public Role Role { get; }

    private void Allow(string sid, string[] actions, string[] resources) =>
        _ = Role.AddToPolicy(new PolicyStatement(new PolicyStatementProps { Sid = sid, Actions = actions, Resources = resources }));
}
