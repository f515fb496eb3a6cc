using Amazon.CDK;
using Amazon.CDK.AWS.IAM;
using Portal.Cdk.Naming;

namespace Portal.Cdk.Portal;

/// <summary>What the portal may do in AWS, and nothing more.</summary>
internal sealed class PortalTaskPermissionsProps
{
    public required string StackExecutionRoleArn { get; init; }

    public required string NotebookRoleArn { get; init; }

    /// <summary>The bucket of the published templates (<see cref="TemplatePublisherConstruct.BucketName"/>).</summary>
    public required string TemplatesBucketName { get; init; }

    /// <summary>Their folder in it, <c>templates/&lt;version&gt;</c>.</summary>
    public required string TemplatesPrefix { get; init; }

    /// <summary>What the portal is given as Aws:TemplatesBaseUrl; it reads <c>&lt;base&gt;/&lt;Name&gt;.template.json</c>.</summary>
    public required string TemplatesBaseUrl { get; init; }

    public required string HomeKeyArn { get; init; }

    public required string HomeRegion { get; init; }

    /// <summary>Where notebook instances are placed (Aws:Notebook:SubnetId, SecurityGroupIds).</summary>
    public required string NotebookSubnetId { get; init; }

    public required string NotebookSecurityGroupId { get; init; }
}

/// <summary>
/// The portal's task role: CloudFormation only on <c>portal-*</c> stacks and only with templates from the artifacts
/// bucket, passing only the stack execution role; SageMaker only on notebook instances tagged
/// <c>portal-managed=true</c> with encrypted volumes; read-only FSx, pricing and quota calls; reading the templates.
/// </summary>
internal static class PortalTaskPermissions
{
    public static void Grant(IRole role, PortalTaskPermissionsProps props)
    {
        ArgumentNullException.ThrowIfNull(role);
        ArgumentNullException.ThrowIfNull(props);
        var stacks = Fn.Sub("arn:${AWS::Partition}:cloudformation:*:${AWS::AccountId}:stack/" + PortalNames.PortalStackPrefix + "*/*");
        // The exact URLs the portal uses (AwsStackDeployer: <TemplatesBaseUrl>/<Name>.template.json). A wildcard host
        // such as "<bucket>.s3.*amazonaws.com" also matches another bucket named "<bucket>.s3.x…".
        var templateUrls = PortalTemplates.Names
            .Select(name => Fn.Join("", [props.TemplatesBaseUrl, "/", name, ".template.json"]))
            .ToArray();

        Add(role, "CreateSessionStacks", ["cloudformation:CreateStack"], [stacks], new()
        {
            // Only with the execution role and only the templates infra-cdk published: a request without a role or
            // with a template body (no TemplateUrl) matches neither key and is refused. (No UpdateStack: the portal
            // deletes and recreates, it never updates a stack.)
            ["StringEquals"] = new Dictionary<string, object>
            {
                ["cloudformation:RoleArn"] = props.StackExecutionRoleArn,
                ["cloudformation:TemplateUrl"] = templateUrls,
            },
        });
        // TagResource: CloudFormation checks it on a CreateStack that carries tags (the portal's always do).
        Add(role, "WatchTagAndDeleteSessionStacks", PortalPolicyActions.OnPortalStacks, [stacks]);
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
        Add(role, "DriveTaggedNotebooks", PortalPolicyActions.OnTaggedNotebooks, [notebooks], new()
        {
            ["StringEquals"] = new Dictionary<string, object> { [$"aws:ResourceTag/{PortalNames.ManagedTagKey}"] = PortalNames.ManagedTagValue },
        });
        // By name, without the tag condition: a missing instance reads as missing rather than as access denied; ListTags
        // is how the orphan reaper tells the portal's instances from others.
        Add(role, "ReadPortalNotebooks", PortalPolicyActions.OnPortalNotebooks, [notebooks]);
        Add(role, "NotebookLifecycleConfigs", PortalPolicyActions.OnLifecycleConfigs, [lifecycles]);
        Add(role, "UseHomeKeyForNotebookVolumes", ["kms:CreateGrant", "kms:DescribeKey"], [props.HomeKeyArn], new()
        {
            ["StringEquals"] = new Dictionary<string, object> { ["kms:ViaService"] = Fn.Join("", ["sagemaker.", props.HomeRegion, ".amazonaws.com"]) },
        });
        // A notebook in a subnet: SageMaker creates (and on delete removes) its network interface with the caller's rights,
        // in the notebook subnet with the notebook group only.
        var interfaces = Fn.Join("", ["arn:", Aws.PARTITION, ":ec2:", props.HomeRegion, ":", Aws.ACCOUNT_ID, ":network-interface/*"]);
        Add(role, "NotebookNetworkInterface", ["ec2:CreateNetworkInterface"], [
            interfaces,
            Fn.Join("", ["arn:", Aws.PARTITION, ":ec2:", props.HomeRegion, ":", Aws.ACCOUNT_ID, ":subnet/", props.NotebookSubnetId]),
            Fn.Join("", ["arn:", Aws.PARTITION, ":ec2:", props.HomeRegion, ":", Aws.ACCOUNT_ID, ":security-group/", props.NotebookSecurityGroupId]),
        ]);
        Add(role, "RemoveNotebookNetworkInterface", ["ec2:DeleteNetworkInterface"], [interfaces]);

        Add(role, "ReadTemplates", ["s3:GetObject"], [Fn.Join("", ["arn:", Aws.PARTITION, ":s3:::", props.TemplatesBucketName, "/", props.TemplatesPrefix, "/*"])]);
        Add(role, "ReadQuotas", ["servicequotas:GetServiceQuota"], [
            Fn.Sub("arn:${AWS::Partition}:servicequotas:*:${AWS::AccountId}:*/*"),
        ]);
        // These actions have no resource type: "*" is the only valid resource.
        Add(role, "ReadOnlyWithoutResourceTypes", PortalPolicyActions.WithoutResourceTypes, ["*"]);
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
