using Amazon.CDK;
using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.ECS;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.KMS;
using Amazon.CDK.AWS.Logs;
using Constructs;
using Portal.Cdk.Naming;
using Portal.Cdk.Shared;

namespace Portal.Cdk.Home;

internal sealed class SchedulerPlatformConstructProps
{
    public required IVpc Vpc { get; init; }

    public required IKey Key { get; init; }

    /// <summary>The home CIDR and every worker CIDR: the only sources allowed to reach a scheduler.</summary>
    public required IReadOnlyList<string> PeerCidrs { get; init; }
}

/// <summary>
/// What every session's scheduler shares: the Fargate cluster, the roles, the log group and the prefix list of peer
/// CIDRs. Session stacks then only create a service, a task definition, a security group and a Cloud Map name.
/// </summary>
internal sealed class SchedulerPlatformConstruct : Construct
{
    public SchedulerPlatformConstruct(Construct scope, string id, SchedulerPlatformConstructProps props)
        : base(scope, id)
    {
        Cluster = new Cluster(this, "Cluster", new ClusterProps
        {
            ClusterName = PortalNames.SchedulerCluster,
            Vpc = props.Vpc,
            ContainerInsights = true,
            EnableFargateCapacityProviders = true,
        });

        LogGroup = EncryptedLogGroups.Create(this, "Logs", props.Key, RetentionDays.ONE_MONTH);

        ExecutionRole = new Role(this, "ExecutionRole", new RoleProps
        {
            AssumedBy = new ServicePrincipal("ecs-tasks.amazonaws.com"),
            Description = "Pulls the Dask image and writes scheduler logs",
        });
        _ = LogGroup.GrantWrite(ExecutionRole);
        foreach (var statement in EcrPull.Statements(Stack.Of(this).Region))
        {
            _ = ExecutionRole.AddToPolicy(statement);
        }

        // The scheduler calls no AWS API: its task role exists so that nothing falls back to broader credentials.
        TaskRole = new Role(this, "TaskRole", new RoleProps
        {
            AssumedBy = new ServicePrincipal("ecs-tasks.amazonaws.com"),
            Description = "Dask schedulers: no AWS permissions",
        });

        PeersPrefixList = new CfnPrefixList(this, "DaskPeers", new CfnPrefixListProps
        {
            PrefixListName = "portal-dask-peers",
            AddressFamily = "IPv4",
            // Room for more worker regions without replacing the list (its size is fixed at creation).
            MaxEntries = 20,
            Entries = props.PeerCidrs.Select(object (cidr) => new CfnPrefixList.EntryProperty { Cidr = cidr, Description = "Portal region" }).ToArray(),
        });
    }

    public Cluster Cluster { get; }

    public LogGroup LogGroup { get; }

    public Role ExecutionRole { get; }

    public Role TaskRole { get; }

    public CfnPrefixList PeersPrefixList { get; }
}
