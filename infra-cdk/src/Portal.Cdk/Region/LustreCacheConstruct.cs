using Amazon.CDK;
using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.FSx;
using Amazon.CDK.AWS.KMS;
using Constructs;
using P = Portal.Cdk.Region.RegionParameterNames;

namespace Portal.Cdk.Region;

internal sealed class LustreCacheConstructProps
{
    public required string VpcId { get; init; }

    public required string SubnetId { get; init; }

    public required IKey Key { get; init; }

    public required CfnParameter DatasetS3Uris { get; init; }

    public required CfnParameter DatasetFsxPaths { get; init; }
}

/// <summary>
/// FSx for Lustre PERSISTENT_2 at its minimum size (1.2 TiB) with one data repository association per dataset, lazily
/// loading the public bucket's objects on first read. Association i exists when position i of both lists is set; the
/// conditions are cumulative (i needs i - 1), so associations are created one after another.
/// </summary>
internal sealed class LustreCacheConstruct : Construct
{
    /// <summary>The size the portal's estimate prices (Portal.Domain.Costs.FoundationShape; a contract test compares them).</summary>
    public const int StorageCapacityGiB = 1200;

    /// <summary>
    /// The Lustre ports (FSx for Lustre guide, file system access control with Amazon VPC): 988 and 1018-1023, which
    /// file servers and clients must accept from each other and from their own kind.
    /// </summary>
    public static readonly (int From, int To)[] LustrePorts = [(988, 988), (1018, 1023)];

    public LustreCacheConstruct(Construct scope, string id, LustreCacheConstructProps props)
        : base(scope, id)
    {
        SecurityGroup = new CfnSecurityGroup(this, "SecurityGroup", new CfnSecurityGroupProps
        {
            // Unchanged text on purpose: a new description replaces the group, and a new group replaces the file system.
            GroupDescription = "FSx for Lustre: Lustre ports from this VPC only",
            VpcId = props.VpcId,
            // Every rule names a group, so each is a resource of its own (a group cannot name itself inline); this
            // placeholder (the CDK's own) replaces CloudFormation's default allow-all egress.
            SecurityGroupEgress = new object[]
            {
                new CfnSecurityGroup.EgressProperty { Description = "Disallow all traffic", IpProtocol = "icmp", FromPort = 252, ToPort = 86, CidrIp = "255.255.255.255/32" },
            },
        });
        var serverRules = Allow("Servers", SecurityGroup, SecurityGroup);

        FileSystem = new CfnFileSystem(this, "FileSystem", new CfnFileSystemProps
        {
            FileSystemType = "LUSTRE",
            FileSystemTypeVersion = "2.15",
            StorageCapacity = StorageCapacityGiB,
            StorageType = "SSD",
            SubnetIds = [props.SubnetId],
            SecurityGroupIds = [SecurityGroup.AttrGroupId],
            KmsKeyId = props.Key.KeyId,
            LustreConfiguration = new CfnFileSystem.LustreConfigurationProperty
            {
                DeploymentType = "PERSISTENT_2",
                PerUnitStorageThroughput = 125,
                DataCompressionType = "LZ4",
                // A cache of public, read-only data: backups would only copy what S3 already holds.
                AutomaticBackupRetentionDays = 0,
                WeeklyMaintenanceStartTime = "7:03:00",
            },
            Tags = [new CfnTag { Key = "Name", Value = "portal-datasets" }],
        });
        // Explicit: the file system is a cache, deleting it loses nothing that S3 does not hold.
        FileSystem.ApplyRemovalPolicy(RemovalPolicy.DESTROY);
        // FSx checks the group's rules when it creates the file system: the servers must already accept each other.
        foreach (var rule in serverRules)
        {
            FileSystem.AddDependency(rule);
        }

        CfnCondition? previous = null;
        CfnDataRepositoryAssociation? previousAssociation = null;
        for (var i = 0; i < P.MaxDatasets; i++)
        {
            var s3Uri = DatasetListExpressions.Item(props.DatasetS3Uris, i, P.MaxDatasets);
            var fsxPath = DatasetListExpressions.Item(props.DatasetFsxPaths, i, P.MaxDatasets);
            var present = Fn.ConditionAnd(Fn.ConditionNot(Fn.ConditionEquals(s3Uri, "")), Fn.ConditionNot(Fn.ConditionEquals(fsxPath, "")));
            var condition = new CfnCondition(this, $"HasDataset{i}", new CfnConditionProps
            {
                Expression = previous is null ? present : Fn.ConditionAnd(previous, present),
            });

            var association = new CfnDataRepositoryAssociation(this, $"Dataset{i}", new CfnDataRepositoryAssociationProps
            {
                FileSystemId = FileSystem.Ref,
                DataRepositoryPath = s3Uri,
                FileSystemPath = fsxPath,
                // Metadata only: file contents load on first read, so linking a petabyte bucket is quick.
                BatchImportMetaDataOnCreate = true,
                ImportedFileChunkSize = 1024,
            });
            association.CfnOptions.Condition = condition;
            association.ApplyRemovalPolicy(RemovalPolicy.DESTROY);
            if (previousAssociation is not null)
            {
                association.AddDependency(previousAssociation);
            }

            previous = condition;
            previousAssociation = association;
        }
    }

    public CfnFileSystem FileSystem { get; }

    public CfnSecurityGroup SecurityGroup { get; }

    /// <summary>
    /// Lets the instances in <paramref name="clients"/> mount the file system: the file servers and the clients accept
    /// the Lustre ports from each other, and clients from other clients too.
    /// </summary>
    public void AllowClients(string id, CfnSecurityGroup clients)
    {
        ArgumentNullException.ThrowIfNull(clients);
        _ = Allow(id + "ToServers", SecurityGroup, clients);
        _ = Allow(id + "FromServers", clients, SecurityGroup);
        _ = Allow(id + "ToClients", clients, clients);
    }

    /// <summary>Ingress on <paramref name="group"/> from <paramref name="source"/> and the matching egress, on the Lustre ports.</summary>
    private List<CfnSecurityGroupIngress> Allow(string id, CfnSecurityGroup group, CfnSecurityGroup source)
    {
        var ingress = new List<CfnSecurityGroupIngress>();
        foreach (var (from, to) in LustrePorts)
        {
            ingress.Add(new CfnSecurityGroupIngress(this, $"{id}In{from}", new CfnSecurityGroupIngressProps
            {
                GroupId = group.AttrGroupId,
                SourceSecurityGroupId = source.AttrGroupId,
                IpProtocol = "tcp",
                FromPort = from,
                ToPort = to,
                Description = "Lustre",
            }));
            _ = new CfnSecurityGroupEgress(this, $"{id}Out{from}", new CfnSecurityGroupEgressProps
            {
                GroupId = source.AttrGroupId,
                DestinationSecurityGroupId = group.AttrGroupId,
                IpProtocol = "tcp",
                FromPort = from,
                ToPort = to,
                Description = "Lustre",
            });
        }

        return ingress;
    }
}
