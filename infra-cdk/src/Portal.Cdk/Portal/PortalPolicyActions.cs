namespace Portal.Cdk.Portal;

/// <summary>
/// The actions the portal's principal is granted, grouped as both the task role (<see cref="PortalTaskPermissions"/>)
/// and deploy/iam/portal-policy.json grant them; Contract/PortalPolicyContractTests keeps the two and the portal's
/// AWS clients (src/Portal.Infra/Aws) in step.
/// </summary>
internal static class PortalPolicyActions
{
    /// <summary>On <c>portal-*</c> stacks. TagResource: CloudFormation checks it for the tags a CreateStack carries.</summary>
    public static readonly string[] OnPortalStacks =
        ["cloudformation:DeleteStack", "cloudformation:DescribeStacks", "cloudformation:DescribeStackEvents", "cloudformation:TagResource"];

    /// <summary>On notebook instances tagged <c>portal-managed=true</c>.</summary>
    public static readonly string[] OnTaggedNotebooks =
        ["sagemaker:StopNotebookInstance", "sagemaker:DeleteNotebookInstance", "sagemaker:CreatePresignedNotebookInstanceUrl"];

    /// <summary>On notebook instances named <c>portal-*</c>, tagged or not (ListTags: the orphan reaper reads the tags).</summary>
    public static readonly string[] OnPortalNotebooks = ["sagemaker:DescribeNotebookInstance", "sagemaker:ListTags"];

    public static readonly string[] OnLifecycleConfigs =
    [
        "sagemaker:CreateNotebookInstanceLifecycleConfig", "sagemaker:DescribeNotebookInstanceLifecycleConfig",
        "sagemaker:DeleteNotebookInstanceLifecycleConfig",
    ];

    /// <summary>Actions without a resource type, so on <c>*</c>.</summary>
    public static readonly string[] WithoutResourceTypes =
    [
        "cloudformation:ListStacks", "sagemaker:ListNotebookInstances", "fsx:DescribeFileSystems", "fsx:DescribeDataRepositoryAssociations",
        "pricing:GetProducts", "pricing:DescribeServices", "servicequotas:ListServiceQuotas", "sts:GetCallerIdentity",
        "ec2:DescribeSubnets", "ec2:DescribeSecurityGroups", "ec2:DescribeVpcs",
    ];
}
