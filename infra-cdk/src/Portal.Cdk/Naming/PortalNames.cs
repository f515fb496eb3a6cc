namespace Portal.Cdk.Naming;

/// <summary>Names shared by several stacks: template names, tags, fixed resource names.</summary>
internal static class PortalNames
{
    /// <summary>Template names; the portal reads <c>&lt;TemplatesBaseUrl&gt;/&lt;name&gt;.template.json</c>.</summary>
    public const string PortalStack = "PortalStack";
    public const string HomeFoundation = "HomeFoundation";
    public const string RegionFoundation = "RegionFoundation";
    public const string SessionScheduler = "SessionScheduler";
    public const string SessionWorkers = "SessionWorkers";

    /// <summary>Stack names the operator deploys; deliberately outside <c>portal-*</c>, which the portal may change.</summary>
    public const string PortalStackName = "PortalStack";
    public const string HomeFoundationStackName = "PortalHomeFoundation";

    /// <summary>Every stack the portal creates starts with this; its IAM policy allows nothing else.</summary>
    public const string PortalStackPrefix = "portal-";

    /// <summary>The tag the portal puts on everything it creates (Portal.Infra's AwsNaming.ManagedTagKey).</summary>
    public const string ManagedTagKey = "portal-managed";
    public const string ManagedTagValue = "true";
    public const string SessionTagKey = "portal-session";

    public const string TemplatesPrefix = "templates";
    public const string NotebookHelperPrefix = "notebook/portal_dask";

    /// <summary>Fixed role names: deploy/iam/portal-policy.json lets the portal pass exactly these two roles.</summary>
    public const string StackExecutionRoleName = "portal-cloudformation-execution";
    public const string NotebookRoleName = "portal-notebook";

    /// <summary>
    /// The permissions boundary every role in a portal-deployed template carries, and the only one the stack execution
    /// role may create roles with (PortalStack creates it; the templates name it).
    /// </summary>
    public const string StackRoleBoundary = "portal-stack-role-boundary";

    public const string SchedulerCluster = "portal-schedulers";
    public const string WorkerCluster = "portal-workers";
    public const string NotebookLifecycleConfig = "portal-dask-client";
    public const string NotebookKernel = "portal-dask";

    /// <summary>SageMaker's notebook platform (Amazon Linux 2023): the Amazon Linux 2 ones (<c>notebook-al2-v*</c>) are past end of support.</summary>
    public const string NotebookPlatform = "notebook-al2023-v1";

    public const int SchedulerPort = 8786;
    public const int DashboardPort = 8787;
    public const int WorkerPort = 9000;
    public const int NannyPort = 9001;

    /// <summary>The capacity provider of one worker size: dots are not allowed in its name.</summary>
    public static string CapacityProvider(string workerSize) => "portal-" + workerSize.Replace('.', '-');
}
