using Amazon.CDK;
using Amazon.CDK.AWS.IAM;
using Portal.Cdk.Naming;

namespace Portal.Cdk.Portal;

/// <summary>What the portal may do in AWS, and nothing more.</summary>
internal sealed class PortalTaskPermissionsProps
{
    public required string StackExecutionRoleArn { get; init; }

    public required string NotebookRoleArn { get; init; }

    public required string ArtifactsBucketName { get; init; }

    public required string HomeKeyArn { get; init; }

    public required string HomeRegion { get; init; }
}

/// <summary>
/// The portal's task role: CloudFormation only on <c>portal-*</c> stacks and only with templates from the artifacts
/// bucket, passing only the stack execution role; SageMaker only on notebook instances tagged
/// <c>portal-managed=true</c> with encrypted volumes; read-only FSx, pricing and quota calls; reading the templates.
/// </summary>
internal static class PortalTaskPermissions
{
    /// <summary>S3 host forms a template URL may use: regional (s3.eu-west-2.amazonaws.com) or global.</summary>
    private static readonly string[] TemplateHosts = ["s3.*amazonaws.com/", "s3.amazonaws.com/"];

    public static void Grant(IRole role, PortalTaskPermissionsProps props)
    {
        ArgumentNullException.ThrowIfNull(role);
        ArgumentNullException.ThrowIfNull(props);
        var stacks = Fn.Sub("arn:${AWS::Partition}:cloudformation:*:${AWS::AccountId}:stack/" + PortalNames.PortalStackPrefix + "*/*");
        var templateUrls = TemplateHosts
            .Select(host => Fn.Join("", ["https://", props.ArtifactsBucketName, ".", host, PortalNames.TemplatesPrefix, "/*"]))
            .ToArray();

        Add(role, "CreateAndUpdateSessionStacks", ["cloudformation:CreateStack", "cloudformation:UpdateStack"], [stacks], new()
        {
            ["StringEquals"] = new Dictionary<string, object> { ["cloudformation:RoleArn"] = props.StackExecutionRoleArn },
            // Only the templates infra-cdk published: the execution role is broad, the templates are what limit it.
            ["StringLike"] = new Dictionary<string, object> { ["cloudformation:TemplateUrl"] = templateUrls },
        });
        Add(role, "WatchAndDeleteSessionStacks", [
            "cloudformation:DeleteStack", "cloudformation:DescribeStacks", "cloudformation:DescribeStackEvents",
            "cloudformation:DescribeStackResources", "cloudformation:ListStackResources",
        ], [stacks]);
        Add(role, "ReadOperatorStacks", ["cloudformation:DescribeStacks", "cloudformation:DescribeStackEvents"], [
            Fn.Sub("arn:${AWS::Partition}:cloudformation:${AWS::Region}:${AWS::AccountId}:stack/" + PortalNames.HomeFoundationStackName + "/*"),
            Fn.Sub("arn:${AWS::Partition}:cloudformation:${AWS::Region}:${AWS::AccountId}:stack/" + PortalNames.PortalStackName + "/*"),
        ]);
        Add(role, "PassStackExecutionRole", ["iam:PassRole"], [props.StackExecutionRoleArn], new()
        {
            ["StringEquals"] = new Dictionary<string, object> { ["iam:PassedToService"] = "cloudformation.amazonaws.com" },
        });
        // SageMaker needs the notebook's execution role passed on CreateNotebookInstance; nothing else can be passed.
        Add(role, "PassNotebookRole", ["iam:PassRole"], [props.NotebookRoleArn], new()
        {
            ["StringEquals"] = new Dictionary<string, object> { ["iam:PassedToService"] = "sagemaker.amazonaws.com" },
        });

        var notebooks = Fn.Join("", ["arn:", Aws.PARTITION, ":sagemaker:", props.HomeRegion, ":", Aws.ACCOUNT_ID, ":notebook-instance/portal-*"]);
        var lifecycles = Fn.Join("", ["arn:", Aws.PARTITION, ":sagemaker:", props.HomeRegion, ":", Aws.ACCOUNT_ID, ":notebook-instance-lifecycle-config/portal-*"]);
        Add(role, "CreateTaggedEncryptedNotebooks", ["sagemaker:CreateNotebookInstance"], [notebooks], new()
        {
            ["StringEquals"] = new Dictionary<string, object>
            {
                [$"aws:RequestTag/{PortalNames.ManagedTagKey}"] = PortalNames.ManagedTagValue,
                ["sagemaker:VolumeKmsKey"] = props.HomeKeyArn,
            },
        });
        Add(role, "TagNewNotebooks", ["sagemaker:AddTags"], [notebooks, lifecycles], new()
        {
            ["StringEquals"] = new Dictionary<string, object> { [$"aws:RequestTag/{PortalNames.ManagedTagKey}"] = PortalNames.ManagedTagValue },
        });
        Add(role, "DriveTaggedNotebooks", [
            "sagemaker:DescribeNotebookInstance", "sagemaker:StartNotebookInstance", "sagemaker:StopNotebookInstance",
            "sagemaker:DeleteNotebookInstance", "sagemaker:UpdateNotebookInstance", "sagemaker:CreatePresignedNotebookInstanceUrl",
        ], [notebooks], new()
        {
            ["StringEquals"] = new Dictionary<string, object> { [$"aws:ResourceTag/{PortalNames.ManagedTagKey}"] = PortalNames.ManagedTagValue },
        });
        Add(role, "NotebookLifecycleConfigs", [
            "sagemaker:CreateNotebookInstanceLifecycleConfig", "sagemaker:DescribeNotebookInstanceLifecycleConfig",
            "sagemaker:DeleteNotebookInstanceLifecycleConfig",
        ], [lifecycles]);
        Add(role, "UseHomeKeyForNotebookVolumes", ["kms:CreateGrant", "kms:DescribeKey"], [props.HomeKeyArn], new()
        {
            ["StringEquals"] = new Dictionary<string, object> { ["kms:ViaService"] = Fn.Join("", ["sagemaker.", props.HomeRegion, ".amazonaws.com"]) },
        });

        Add(role, "ReadTemplates", ["s3:GetObject"], [Fn.Join("", ["arn:", Aws.PARTITION, ":s3:::", props.ArtifactsBucketName, "/", PortalNames.TemplatesPrefix, "/*"])]);
        Add(role, "ReadQuotas", ["servicequotas:GetServiceQuota", "servicequotas:GetAWSDefaultServiceQuota"], [
            Fn.Sub("arn:${AWS::Partition}:servicequotas:*:${AWS::AccountId}:*/*"),
        ]);
        // These actions have no resource type: "*" is the only valid resource.
        Add(role, "ReadOnlyWithoutResourceTypes", [
            "pricing:GetProducts", "pricing:DescribeServices", "servicequotas:ListServiceQuotas", "fsx:DescribeFileSystems",
            "fsx:DescribeDataRepositoryAssociations", "sagemaker:ListNotebookInstances", "ec2:DescribeRegions",
        ], ["*"]);
    }

    private static void Add(IRole role, string sid, string[] actions, string[] resources, Dictionary<string, object>? conditions = null) =>
        _ = role.AddToPrincipalPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = sid,
            Actions = actions,
            Resources = resources,
            Conditions = conditions,
        }));
}
