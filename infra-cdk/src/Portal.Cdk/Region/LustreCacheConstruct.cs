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

    public required string VpcCidr { get; init; }

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
    public const int StorageCapacityGiB = 1200;

    public LustreCacheConstruct(Construct scope, string id, LustreCacheConstructProps props)
        : base(scope, id)
    {
        var securityGroup = new CfnSecurityGroup(this, "SecurityGroup", new CfnSecurityGroupProps
        {
            GroupDescription = "FSx for Lustre: Lustre ports from this VPC only",
            VpcId = props.VpcId,
            SecurityGroupIngress =
            new object[] {
                Lustre(988, 988, props.VpcCidr),
                Lustre(1018, 1023, props.VpcCidr),
            },
            SecurityGroupEgress =
            new object[] {
                new CfnSecurityGroup.EgressProperty { Description = "Lustre replies within the VPC", IpProtocol = "tcp", FromPort = 988, ToPort = 1023, CidrIp = props.VpcCidr },
            },
        });

        FileSystem = new CfnFileSystem(this, "FileSystem", new CfnFileSystemProps
        {
            FileSystemType = "LUSTRE",
            FileSystemTypeVersion = "2.15",
            StorageCapacity = StorageCapacityGiB,
            StorageType = "SSD",
            SubnetIds = [props.SubnetId],
            SecurityGroupIds = [securityGroup.AttrGroupId],
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

    private static CfnSecurityGroup.IngressProperty Lustre(int from, int to, string cidr) => new()
    {
        Description = "Lustre clients (worker instances)",
        IpProtocol = "tcp",
        FromPort = from,
        ToPort = to,
        CidrIp = cidr,
    };
}
