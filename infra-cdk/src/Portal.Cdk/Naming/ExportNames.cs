namespace Portal.Cdk.Naming;

/// <summary>
/// CloudFormation export names the foundations publish and the session stacks import. Exports are per region, so
/// every worker region's RegionFoundation exports the same names and the workers of that region find their own.
/// </summary>
internal static class ExportNames
{
    public const string HomeVpcId = "portal-home-vpc-id";
    public const string HomeVpcCidr = "portal-home-vpc-cidr";
    public const string HomePrivateSubnetIds = "portal-home-private-subnet-ids";
    public const string HomeTransitGatewayId = "portal-home-transit-gateway-id";
    public const string HomeNamespaceId = "portal-home-namespace-id";
    public const string HomeNamespaceName = "portal-home-namespace-name";
    public const string HomeHostedZoneId = "portal-home-hosted-zone-id";
    public const string HomeDaskPeersPrefixList = "portal-home-dask-peers-prefix-list";
    public const string HomeSchedulerCluster = "portal-home-scheduler-cluster";
    public const string HomeSchedulerExecutionRoleArn = "portal-home-scheduler-execution-role-arn";
    public const string HomeSchedulerTaskRoleArn = "portal-home-scheduler-task-role-arn";
    public const string HomeSchedulerLogGroup = "portal-home-scheduler-log-group";
    public const string HomeArtifactsBucket = "portal-home-artifacts-bucket";
    public const string HomeKeyArn = "portal-home-key-arn";
    public const string HomeNotebookRoleArn = "portal-home-notebook-role-arn";
    public const string HomeNotebookSecurityGroupId = "portal-home-notebook-security-group-id";
    public const string HomeNotebookSubnetId = "portal-home-notebook-subnet-id";
    public const string HomeNotebookLifecycleConfig = "portal-home-notebook-lifecycle-config";

    public const string RegionVpcId = "portal-region-vpc-id";
    public const string RegionVpcCidr = "portal-region-vpc-cidr";

    public const string RegionWorkerPeersPrefixList = "portal-region-worker-peers-prefix-list";
    public const string RegionHomeCidr = "portal-region-home-cidr";
    public const string RegionPrivateSubnetIds = "portal-region-private-subnet-ids";
    public const string RegionWorkerCluster = "portal-region-worker-cluster";
    public const string RegionWorkerExecutionRoleArn = "portal-region-worker-execution-role-arn";
    public const string RegionWorkerTaskRoleArn = "portal-region-worker-task-role-arn";
    public const string RegionWorkerLogGroup = "portal-region-worker-log-group";
    public const string RegionFileSystemId = "portal-region-file-system-id";
}
