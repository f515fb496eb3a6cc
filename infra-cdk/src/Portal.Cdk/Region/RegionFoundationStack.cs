using Amazon.CDK;
using Constructs;
using Portal.Cdk.Naming;
using Portal.Cdk.Shared;

namespace Portal.Cdk.Region;

internal sealed class RegionFoundationStackProps : StackProps
{
    public required IReadOnlyList<string> WorkerSizes { get; init; }

    public required string DefaultWorkerSize { get; init; }

    /// <summary>The CIDRs of <c>portal:workerRegions</c>, the only values VpcCidr accepts.</summary>
    public required IReadOnlyList<string> WorkerCidrs { get; init; }

    public required string HomeCidr { get; init; }

    public required string PortalCidr { get; init; }
}

/// <summary>
/// A worker region's long-lived base, created by the portal's admin Regions page (the slow part: FSx and the S3 links,
/// Transit Gateway peering). Environment-agnostic: one template serves every worker region, its parameters say which
/// (see <see cref="RegionParameterNames"/>). Exports the names SessionWorkers imports.
/// </summary>
internal sealed class RegionFoundationStack : Stack
{
    public RegionFoundationStack(Construct scope, string id, RegionFoundationStackProps props)
        : base(scope, id, props)
    {
        var parameters = new RegionParameters(this, props.WorkerCidrs, props.HomeCidr, props.PortalCidr);
        var key = new EncryptionKeyConstruct(this, "Key", new EncryptionKeyConstructProps
        {
            Description = "Portal worker region: FSx, logs",
            // The stack execution role has no KMS rights on existing keys in IAM: the key's policy gives them.
            AdministeredBy = AccountArns.Role(PortalNames.StackExecutionRoleName),
        }).Key;
        var network = new ParameterizedNetworkConstruct(this, "Network", new ParameterizedNetworkConstructProps
        {
            Cidr = parameters.VpcCidr.ValueAsString,
            Key = key,
        });

        var spoke = new TransitSpokeConstruct(this, "Spoke", new TransitSpokeConstructProps
        {
            Network = network,
            VpcCidr = parameters.VpcCidr.ValueAsString,
            WorkerCidrs = props.WorkerCidrs,
            HomeRegion = parameters.HomeRegion.ValueAsString,
            HomeCidr = parameters.HomeCidr.ValueAsString,
            HomeTransitGatewayId = parameters.HomeTransitGatewayId.ValueAsString,
            LogKey = key,
        });
        _ = new PrivateDnsAssociationConstruct(this, "SchedulerDns", new PrivateDnsAssociationConstructProps
        {
            HostedZoneId = parameters.HomeHostedZoneId.ValueAsString,
            VpcId = network.Vpc.Ref,
            LogKey = key,
        });

        // The file system and the worker instances share one subnet, so one Availability Zone (WorkerCapacityConstructProps.SubnetId).
        var lustreSubnet = network.PrivateSubnetIds[0];
        var lustre = new LustreCacheConstruct(this, "Datasets", new LustreCacheConstructProps
        {
            VpcId = network.Vpc.Ref,
            SubnetId = lustreSubnet,
            Key = key,
            DatasetS3Uris = parameters.DatasetS3Uris,
            DatasetFsxPaths = parameters.DatasetFsxPaths,
        });
        var capacity = new WorkerCapacityConstruct(this, "Capacity", new WorkerCapacityConstructProps
        {
            VpcId = network.Vpc.Ref,
            SubnetId = lustreSubnet,
            WorkerSizes = props.WorkerSizes,
            DefaultWorkerSize = props.DefaultWorkerSize,
            FileSystemDnsName = lustre.FileSystem.AttrDnsName,
            FileSystemMountName = lustre.FileSystem.AttrLustreMountName,
        });
        lustre.AllowClients("Workers", capacity.InstanceSecurityGroup);
        var roles = new WorkerRolesConstruct(this, "Workers", new WorkerRolesConstructProps
        {
            Key = key,
            ImageRegion = parameters.HomeRegion.ValueAsString,
        });

        _ = Exports.Add(this, "VpcId", network.Vpc.Ref, ExportNames.RegionVpcId, "Worker VPC");
        _ = Exports.Add(this, "WorkerVpcCidr", parameters.VpcCidr.ValueAsString, ExportNames.RegionVpcCidr, "Worker VPC CIDR");
        _ = Exports.Add(this, "PeerHomeCidr", parameters.HomeCidr.ValueAsString, ExportNames.RegionHomeCidr, "Home VPC CIDR (schedulers, notebooks)");
        _ = Exports.Add(this, "WorkerPeersPrefixList", spoke.WorkerPeers.AttrPrefixListId, ExportNames.RegionWorkerPeersPrefixList, "Every worker region's CIDR (workers of a session reach each other)");
        _ = Exports.Add(this, "PrivateSubnetIds", Fn.Join(",", [.. network.PrivateSubnetIds]), ExportNames.RegionPrivateSubnetIds, "Private subnets for workers");
        _ = Exports.Add(this, "WorkerCluster", capacity.Cluster.Ref, ExportNames.RegionWorkerCluster, "ECS cluster of workers");
        _ = Exports.Add(this, "WorkerExecutionRoleArn", roles.ExecutionRole.RoleArn, ExportNames.RegionWorkerExecutionRoleArn, "Worker task execution role");
        _ = Exports.Add(this, "WorkerTaskRoleArn", roles.TaskRole.RoleArn, ExportNames.RegionWorkerTaskRoleArn, "Worker task role");
        _ = Exports.Add(this, "WorkerLogGroup", roles.LogGroup.LogGroupName, ExportNames.RegionWorkerLogGroup, "Worker logs");
        _ = Exports.Add(this, "FileSystemId", lustre.FileSystem.Ref, ExportNames.RegionFileSystemId, "FSx for Lustre file system of the datasets");
    }
}
