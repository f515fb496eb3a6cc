using Amazon.CDK;
using Amazon.CDK.AWS.IAM;
using Constructs;
using Portal.Cdk.Naming;
using Portal.Cdk.Shared;

namespace Portal.Cdk.Portal;

/// <summary>
/// The role CloudFormation assumes for the stacks the portal creates (RegionFoundation, SessionScheduler,
/// SessionWorkers) in any region. Actions are listed one by one; resources are this account's, and names start with
/// <c>portal-</c> where the service lets CloudFormation name them after the stack. EC2 changes need the
/// <c>portal-managed</c> tag (<see cref="StackExecutionNetworkPolicy"/>), roles need the boundary and never the two fixed
/// roles (<see cref="StackExecutionIdentityPolicy"/>), keys are administered through their own key policy, and S3 reads
/// are the dataset buckets'. The portal itself may only pass this role, and only with the published templates (see
/// <see cref="PortalTaskPermissions"/>).
/// </summary>
internal sealed class StackExecutionRoleConstructProps
{
    /// <summary>The buckets of the datasets RegionFoundation links to FSx (<c>portal:datasetBuckets</c>).</summary>
    public required IReadOnlyList<string> DatasetBuckets { get; init; }

    /// <summary>The bucket of the published templates (<see cref="TemplatePublisherConstruct.BucketName"/>).</summary>
    public required string TemplatesBucketName { get; init; }

    /// <summary>Their folder in it, <c>templates/&lt;version&gt;</c>.</summary>
    public required string TemplatesPrefix { get; init; }
}

internal sealed class StackExecutionRoleConstruct : Construct
{
    public StackExecutionRoleConstruct(Construct scope, string id, StackExecutionRoleConstructProps props)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(props);
        Boundary = new StackRoleBoundaryConstruct(this, "Boundary").Policy;
        Role = new Role(this, "Role", new RoleProps
        {
            AssumedBy = new ServicePrincipal("cloudformation.amazonaws.com"),
            RoleName = PortalNames.StackExecutionRoleName,
            Description = "CloudFormation execution role for stacks the portal creates",
        });

        var account = AccountArns.AnyRegion;

        foreach (var statement in StackExecutionNetworkPolicy.Statements().Concat(StackExecutionIdentityPolicy.Statements()))
        {
            _ = Role.AddToPolicy(statement);
        }

        // Names CloudFormation gives after the stack (portal-*) or that the templates fix (clusters, capacity providers).
        Allow("Containers", [
            "ecs:CreateCluster", "ecs:DeleteCluster", "ecs:DescribeClusters", "ecs:UpdateCluster", "ecs:UpdateClusterSettings", "ecs:PutClusterCapacityProviders",
            "ecs:CreateCapacityProvider", "ecs:UpdateCapacityProvider", "ecs:DeleteCapacityProvider",
            "ecs:CreateService", "ecs:UpdateService", "ecs:DeleteService", "ecs:DescribeServices", "ecs:TagResource", "ecs:UntagResource",
            "ecs:ListTagsForResource", "ecs:ListServiceDeployments", "ecs:DescribeServiceDeployments",
        ], [
            account("ecs", "cluster/" + PortalNames.PortalStackPrefix + "*"),
            account("ecs", "service/" + PortalNames.PortalStackPrefix + "*/*"),
            account("ecs", "service-deployment/" + PortalNames.PortalStackPrefix + "*/*"),
            account("ecs", "capacity-provider/" + PortalNames.PortalStackPrefix + "*"),
            account("ecs", "task-definition/" + PortalNames.PortalStackPrefix + "*"),
        ]);
        Allow("Scaling", [
            "autoscaling:CreateAutoScalingGroup", "autoscaling:UpdateAutoScalingGroup", "autoscaling:DeleteAutoScalingGroup",
            "autoscaling:CreateOrUpdateTags", "autoscaling:DeleteTags",
        ], [account("autoscaling", "autoScalingGroup:*:autoScalingGroupName/" + PortalNames.PortalStackPrefix + "*")]);
        Allow("FileSystems", [
            "fsx:CreateFileSystem", "fsx:DeleteFileSystem", "fsx:UpdateFileSystem", "fsx:TagResource", "fsx:UntagResource",
            "fsx:CreateDataRepositoryAssociation", "fsx:DeleteDataRepositoryAssociation", "fsx:UpdateDataRepositoryAssociation",
        ], [account("fsx", "file-system/*"), account("fsx", "association/*")]);
        // A data repository association makes FSx create the service-linked role AWSServiceRoleForFSxS3Access_<fs id> and
        // put the bucket's access policy on it, on the caller's behalf (FSx for Lustre guide, "Linking your file system
        // to an S3 bucket": these three actions on that path).
        Allow("LinkDatasetBuckets", ["iam:CreateServiceLinkedRole", "iam:AttachRolePolicy", "iam:PutRolePolicy"], [
            AccountArns.Global("iam", "role/aws-service-role/s3.data-source.lustre.fsx.amazonaws.com/*"),
        ]);
        // Linking a bucket needs read access to it: the datasets' buckets (public, in other accounts) and nothing else.
        Allow("ReadDatasetBuckets", ["s3:GetBucketLocation", "s3:GetBucketAcl", "s3:ListBucket", "s3:GetObject"], [
            .. props.DatasetBuckets.SelectMany(bucket => new[] { Bucket(bucket), Bucket(bucket + "/*") }),
        ]);
        // CloudFormation fetches a TemplateURL with the caller's (the portal's) credentials; this covers anything that
        // would read the published templates as the stack's role.
        Allow("ReadPublishedTemplates", ["s3:GetObject"], [
            Fn.Join("", ["arn:", Aws.PARTITION, ":s3:::", props.TemplatesBucketName, "/", props.TemplatesPrefix, "/*"]),
        ]);
        Allow("Discovery", [
            "servicediscovery:CreateService", "servicediscovery:DeleteService", "servicediscovery:GetService", "servicediscovery:UpdateService",
            "servicediscovery:TagResource", "servicediscovery:UntagResource", "servicediscovery:GetNamespace", "servicediscovery:GetServiceAttributes",
            "route53:GetHostedZone", "route53:ChangeResourceRecordSets", "route53:CreateHealthCheck", "route53:DeleteHealthCheck", "route53:GetHealthCheck",
        ], [
            account("servicediscovery", "namespace/*"),
            account("servicediscovery", "service/*"),
            Fn.Sub("arn:${AWS::Partition}:route53:::hostedzone/*"),
            Fn.Sub("arn:${AWS::Partition}:route53:::healthcheck/*"),
        ]);
        Allow("ServiceLinkedRoles", ["iam:CreateServiceLinkedRole"], [AccountArns.Global("iam", "role/aws-service-role/*")]);
        Allow("Handlers", [
            "lambda:CreateFunction", "lambda:DeleteFunction", "lambda:GetFunction", "lambda:UpdateFunctionCode", "lambda:UpdateFunctionConfiguration",
            "lambda:InvokeFunction", "lambda:TagResource", "lambda:UntagResource", "lambda:GetRuntimeManagementConfig",
            "lambda:GetFunctionCodeSigningConfig", "lambda:GetFunctionRecursionConfig",
        ], [account("lambda", "function:portal-*")]);
        Allow("Logs", [
            "logs:CreateLogGroup", "logs:DeleteLogGroup", "logs:PutRetentionPolicy", "logs:DeleteRetentionPolicy", "logs:AssociateKmsKey",
            "logs:TagResource", "logs:UntagResource", "logs:TagLogGroup", "logs:ListTagsForResource",
        ], [account("logs", "log-group:portal-*")]);
        // No KMS action on an existing key: the one key the templates make (RegionFoundation's) names this role in its
        // own key policy for what CloudFormation and FSx do with it (EncryptionKeyConstructProps.AdministeredBy).
        // Creating one needs the tag in the request; the tags travel in CreateKey, before the key has an ARN.
        _ = Role.AddToPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "CreateTaggedKeys",
            Actions = ["kms:CreateKey", "kms:TagResource"],
            Resources = ["*"],
            Conditions = new Dictionary<string, object>
            {
                ["StringEquals"] = new Dictionary<string, object> { [$"aws:RequestTag/{PortalNames.ManagedTagKey}"] = PortalNames.ManagedTagValue },
            },
        }));
        // Worker launch templates name the ECS-optimised AMI by its public parameter (resolve:ssm:...).
        Allow("EcsAmiParameter", ["ssm:GetParameter", "ssm:GetParameters"], [
            Fn.Sub("arn:${AWS::Partition}:ssm:*::parameter/aws/service/ecs/*"),
        ]);

        // These actions have no resource type (or CloudFormation calls them before a resource exists): "*" is the only valid resource.
        Allow("NoResourceLevelPermissions", [
            "ec2:Describe*", "ecs:RegisterTaskDefinition", "ecs:DeregisterTaskDefinition", "ecs:DescribeTaskDefinition", "ecs:DescribeCapacityProviders",
            "autoscaling:Describe*", "fsx:Describe*", "logs:DescribeLogGroups", "servicediscovery:GetOperation",
            "ec2:GetTransitGatewayRouteTableAssociations", "ec2:GetTransitGatewayRouteTablePropagations", "servicediscovery:ListTagsForResource",
            "servicediscovery:ListServices",
        ], ["*"]);
    }

    public Role Role { get; }

    /// <summary>The permissions boundary of the roles the portal's templates create.</summary>
    public ManagedPolicy Boundary { get; }

    private static string Bucket(string path) => Fn.Sub("arn:${AWS::Partition}:s3:::" + path);

    private void Allow(string sid, string[] actions, string[] resources) =>
        _ = Role.AddToPolicy(new PolicyStatement(new PolicyStatementProps { Sid = sid, Actions = actions, Resources = resources }));
}
