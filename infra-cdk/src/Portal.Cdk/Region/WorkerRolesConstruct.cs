using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.KMS;
using Amazon.CDK.AWS.Logs;
using Constructs;
using Portal.Cdk.Shared;

namespace Portal.Cdk.Region;

internal sealed class WorkerRolesConstructProps
{
    public required IKey Key { get; init; }

    /// <summary>Where the Dask image's ECR repository is (the home region, where PortalStack builds it).</summary>
    public required string ImageRegion { get; init; }
}

/// <summary>What every session's workers in this region share: the execution role, the task role and the log group.</summary>
internal sealed class WorkerRolesConstruct : Construct
{
    public WorkerRolesConstruct(Construct scope, string id, WorkerRolesConstructProps props)
        : base(scope, id)
    {
        LogGroup = EncryptedLogGroups.Create(this, "Logs", props.Key, RetentionDays.ONE_MONTH);

        ExecutionRole = new Role(this, "ExecutionRole", new RoleProps
        {
            AssumedBy = new ServicePrincipal("ecs-tasks.amazonaws.com"),
            Description = "Pulls the Dask image and writes worker logs",
        });
        _ = LogGroup.GrantWrite(ExecutionRole);
        foreach (var statement in EcrPull.Statements(props.ImageRegion))
        {
            _ = ExecutionRole.AddToPolicy(statement);
        }

        // Workers read datasets through FSx (mounted by the instance) and public buckets anonymously: no AWS permissions.
        TaskRole = new Role(this, "TaskRole", new RoleProps
        {
            AssumedBy = new ServicePrincipal("ecs-tasks.amazonaws.com"),
            Description = "Dask workers: no AWS permissions",
        });
    }

    public LogGroup LogGroup { get; }

    public Role ExecutionRole { get; }

    public Role TaskRole { get; }
}
