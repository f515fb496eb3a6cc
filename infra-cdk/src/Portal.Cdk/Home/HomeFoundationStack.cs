using Amazon.CDK;
using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.ServiceDiscovery;
using Constructs;
using Portal.Cdk.Naming;
using Portal.Cdk.Shared;

namespace Portal.Cdk.Home;

/// <summary>
/// The home region's long-lived base: VPC, Transit Gateway hub, Cloud Map namespace, scheduler cluster, notebook
/// environment, KMS key and the artifacts bucket (session templates and the notebook helper). Everything session
/// stacks and the portal need is exported under <see cref="ExportNames"/>.
/// </summary>
internal sealed class HomeFoundationStack : Stack
{
    public HomeFoundationStack(Construct scope, string id, HomeFoundationStackProps props)
        : base(scope, id, props)
    {
        var settings = props.Settings;
        var key = new EncryptionKeyConstruct(this, "Key", new EncryptionKeyConstructProps { Description = "Portal home region: logs, notebook volumes" }).Key;
        var network = new NetworkConstruct(this, "Network", new NetworkConstructProps { Cidr = settings.HomeCidr, Key = key });
        var workerCidrs = settings.WorkerRegions.Select(r => r.Cidr).ToList();
        var hub = new TransitHubConstruct(this, "Hub", new TransitHubConstructProps { Vpc = network.Vpc, PeerCidrs = workerCidrs });

        var serviceNamespace = new CfnPrivateDnsNamespace(this, "Namespace", new CfnPrivateDnsNamespaceProps
        {
            Name = settings.ServiceNamespace,
            Vpc = network.Vpc.VpcId,
            Description = "Dask schedulers of portal sessions: scheduler.<session id>." + settings.ServiceNamespace,
        });

        var schedulers = new SchedulerPlatformConstruct(this, "Schedulers", new SchedulerPlatformConstructProps
        {
            Vpc = network.Vpc,
            Key = key,
            PeerCidrs = [settings.HomeCidr, .. workerCidrs],
        });

        var helper = Path.Combine(settings.RepositoryRoot, settings.NotebookHelperPath);
        var artifacts = new SecureBucketConstruct(this, "Artifacts", new SecureBucketConstructProps { Versioned = true }).Bucket;
        var notebooks = new NotebookEnvironmentConstruct(this, "Notebooks", new NotebookEnvironmentConstructProps
        {
            Vpc = network.Vpc,
            NotebookHelperDirectory = Directory.Exists(helper) ? helper : null,
            Pins = settings.Pins,
        });

        var privateSubnets = network.Vpc.SelectSubnets(new SubnetSelection { SubnetType = SubnetType.PRIVATE_WITH_EGRESS }).SubnetIds;
        _ = Exports.Add(this, "VpcId", network.Vpc.VpcId, ExportNames.HomeVpcId, "Home VPC");
        _ = Exports.Add(this, "VpcCidr", network.Vpc.VpcCidrBlock, ExportNames.HomeVpcCidr, "Home VPC CIDR");
        _ = Exports.Add(this, "PrivateSubnetIds", Fn.Join(",", privateSubnets), ExportNames.HomePrivateSubnetIds, "Private subnets for schedulers");
        _ = Exports.Add(this, "TransitGatewayId", hub.TransitGateway.Ref, ExportNames.HomeTransitGatewayId, "RegionFoundation parameter HomeTransitGatewayId");
        _ = Exports.Add(this, "NamespaceId", serviceNamespace.AttrId, ExportNames.HomeNamespaceId, "Cloud Map namespace of schedulers");
        _ = Exports.Add(this, "NamespaceName", settings.ServiceNamespace, ExportNames.HomeNamespaceName, "Scheduler addresses end with this");
        _ = Exports.Add(this, "HostedZoneId", serviceNamespace.AttrHostedZoneId, ExportNames.HomeHostedZoneId, "RegionFoundation parameter HomeHostedZoneId");
        _ = Exports.Add(this, "DaskPeersPrefixList", schedulers.PeersPrefixList.AttrPrefixListId, ExportNames.HomeDaskPeersPrefixList, "CIDRs allowed to reach schedulers");
        _ = Exports.Add(this, "SchedulerCluster", schedulers.Cluster.ClusterName, ExportNames.HomeSchedulerCluster, "Fargate cluster of schedulers");
        _ = Exports.Add(this, "SchedulerExecutionRoleArn", schedulers.ExecutionRole.RoleArn, ExportNames.HomeSchedulerExecutionRoleArn, "Scheduler task execution role");
        _ = Exports.Add(this, "SchedulerTaskRoleArn", schedulers.TaskRole.RoleArn, ExportNames.HomeSchedulerTaskRoleArn, "Scheduler task role");
        _ = Exports.Add(this, "SchedulerLogGroup", schedulers.LogGroup.LogGroupName, ExportNames.HomeSchedulerLogGroup, "Scheduler logs");
        _ = Exports.Add(this, "ArtifactsBucket", artifacts.BucketName, ExportNames.HomeArtifactsBucket, "Portal artifacts (the templates and the notebook helper are file assets in the bootstrap bucket)");
        _ = Exports.Add(this, "KeyArn", key.KeyArn, ExportNames.HomeKeyArn, "KMS key for notebook volumes and logs");
        _ = Exports.Add(this, "NotebookRoleArn", notebooks.Role.RoleArn, ExportNames.HomeNotebookRoleArn, "Aws:Notebook:RoleArn");
        _ = Exports.Add(this, "NotebookSecurityGroupId", notebooks.SecurityGroup.SecurityGroupId, ExportNames.HomeNotebookSecurityGroupId, "Aws:Notebook:SecurityGroupIds");
        _ = Exports.Add(this, "NotebookSubnetId", Fn.Select(0, privateSubnets), ExportNames.HomeNotebookSubnetId, "Aws:Notebook:SubnetId");
        _ = Exports.Add(this, "NotebookLifecycleConfig", notebooks.LifecycleConfig.AttrNotebookInstanceLifecycleConfigName, ExportNames.HomeNotebookLifecycleConfig, "OnStart hook with the pinned Dask client");
    }
}
