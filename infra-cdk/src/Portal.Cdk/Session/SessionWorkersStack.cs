using Amazon.CDK;
using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.ECS;
using Constructs;
using Portal.Cdk.Naming;
using Portal.Cdk.Shared;
using P = Portal.Cdk.Session.SessionParameterNames;

namespace Portal.Cdk.Session;

internal sealed class SessionWorkersStackProps : StackProps
{
    /// <summary>Instance types the region's capacity providers offer (RegionFoundation creates one per size).</summary>
    public required IReadOnlyList<string> WorkerSizes { get; init; }

    public required string DefaultWorkerSize { get; init; }
}

/// <summary>
/// One session's Dask workers in one region: an ECS service on the region's capacity provider for the chosen
/// instance type, one worker per instance, running <c>dask worker &lt;scheduler&gt; --resources pool-&lt;region&gt;=1</c>
/// with the region's FSx for Lustre file system (mounted by the instance at <c>/fsx</c>) bound read-only at <c>/fsx</c>.
/// </summary>
internal sealed class SessionWorkersStack : Stack
{
    public SessionWorkersStack(Construct scope, string id, SessionWorkersStackProps props)
        : base(scope, id, props)
    {
        var sessionId = new CfnParameter(this, P.SessionId, new CfnParameterProps
        {
            Type = "String",
            AllowedPattern = P.SessionIdPattern,
            Description = "The portal session, e.g. s-4k7q2m9x1z",
        });
        var image = new CfnParameter(this, P.Image, new CfnParameterProps
        {
            Type = "String",
            MinLength = 1,
            Description = "Dask image; the portal passes the scheduler's image, so client, scheduler and workers run one Dask version",
        });
        var schedulerAddress = new CfnParameter(this, P.SchedulerAddress, new CfnParameterProps
        {
            Type = "String",
            AllowedPattern = "^tcp://[a-z0-9.-]+:[0-9]{2,5}$",
            Description = "e.g. tcp://scheduler.s-4k7q2m9x1z.portal.internal:8786",
        });
        var workerCount = new CfnParameter(this, P.WorkerCount, new CfnParameterProps
        {
            Type = "Number",
            MinValue = 1,
            MaxValue = 50,
            Description = "Workers (= instances) in this region",
        });
        var workerSize = new CfnParameter(this, P.WorkerSize, new CfnParameterProps
        {
            Type = "String",
            Default = props.DefaultWorkerSize,
            AllowedValues = [.. props.WorkerSizes],
            Description = "EC2 instance type of each worker; one worker per instance",
        });
        var poolName = new CfnParameter(this, P.PoolName, new CfnParameterProps
        {
            Type = "String",
            AllowedPattern = "^pool-[a-z]{2}(-[a-z]+)+-[0-9]+$",
            Description = "Dask resource the workers advertise: pool-<region>",
        });

        var name = Fn.Join("-", [PortalNames.PortalStackPrefix + "workers", sessionId.ValueAsString]);
        var securityGroup = new CfnSecurityGroup(this, "SecurityGroup", new CfnSecurityGroupProps
        {
            GroupDescription = "Dask workers of one portal session",
            VpcId = Exports.Import(ExportNames.RegionVpcId),
            SecurityGroupIngress =
            new object[] {
                WorkerPorts("Scheduler and notebook in the home region", Exports.Import(ExportNames.RegionHomeCidr)),
                // Workers of this and every other worker region: a task that combines two pools fetches its inputs from
                // the other pool's worker directly (routed through the home hub, TransitSpokeConstruct).
                new CfnSecurityGroup.IngressProperty
                {
                    Description = "Workers of every portal worker region",
                    IpProtocol = "tcp",
                    FromPort = PortalNames.WorkerPort,
                    ToPort = PortalNames.NannyPort,
                    SourcePrefixListId = Exports.Import(ExportNames.RegionWorkerPeersPrefixList),
                },
            },
            SecurityGroupEgress =
            new object[] {
                new CfnSecurityGroup.EgressProperty { Description = "Scheduler, peers, image registry", IpProtocol = "-1", CidrIp = "0.0.0.0/0" },
            },
            Tags = [new CfnTag { Key = "Name", Value = name }],
        });

        var task = new CfnTaskDefinition(this, "Task", new CfnTaskDefinitionProps
        {
            Family = name,
            RequiresCompatibilities = ["EC2"],
            NetworkMode = "awsvpc",
            ExecutionRoleArn = Exports.Import(ExportNames.RegionWorkerExecutionRoleArn),
            TaskRoleArn = Exports.Import(ExportNames.RegionWorkerTaskRoleArn),
            Volumes =
            new object[] {
                new CfnTaskDefinition.VolumeProperty { Name = "fsx", Host = new CfnTaskDefinition.HostVolumePropertiesProperty { SourcePath = "/fsx" } },
                new CfnTaskDefinition.VolumeProperty { Name = "scratch", Host = new CfnTaskDefinition.HostVolumePropertiesProperty { SourcePath = "/scratch" } },
            },
            ContainerDefinitions = new object[] {Worker(sessionId, image, schedulerAddress, poolName)},
        });

        var service = new CfnService(this, "Service", new CfnServiceProps
        {
            ServiceName = name,
            Cluster = Exports.Import(ExportNames.RegionWorkerCluster),
            DesiredCount = workerCount.ValueAsNumber,
            TaskDefinition = task.Ref,
            CapacityProviderStrategy =
            new object[] {
                new CfnService.CapacityProviderStrategyItemProperty
                {
                    // RegionFoundation names providers portal-<instance type with dots as dashes> (PortalNames.CapacityProvider).
                    CapacityProvider = Fn.Join("-", ["portal", Fn.Join("-", Fn.Split(".", workerSize.ValueAsString))]),
                    Weight = 1,
                },
            },
            // One worker per instance: the worker owns the instance's cores, memory and NVMe scratch.
            PlacementConstraints = new object[] {new CfnService.PlacementConstraintProperty { Type = "distinctInstance" }},
            DeploymentConfiguration = new CfnService.DeploymentConfigurationProperty { MinimumHealthyPercent = 0, MaximumPercent = 100 },
            NetworkConfiguration = new CfnService.NetworkConfigurationProperty
            {
                AwsvpcConfiguration = new CfnService.AwsVpcConfigurationProperty
                {
                    AssignPublicIp = "DISABLED",
                    Subnets = Fn.Split(",", Exports.Import(ExportNames.RegionPrivateSubnetIds)),
                    SecurityGroups = [securityGroup.AttrGroupId],
                },
            },
            PropagateTags = "SERVICE",
            Tags = [new CfnTag { Key = PortalNames.SessionTagKey, Value = sessionId.ValueAsString }],
        });

        _ = new CfnOutput(this, "ServiceName", new CfnOutputProps { Value = service.AttrName });
        _ = new CfnOutput(this, "Pool", new CfnOutputProps { Value = poolName.ValueAsString, Description = "Dask resource of these workers" });
    }

    private static CfnSecurityGroup.IngressProperty WorkerPorts(string description, string cidr) => new()
    {
        Description = description,
        IpProtocol = "tcp",
        FromPort = PortalNames.WorkerPort,
        ToPort = PortalNames.NannyPort,
        CidrIp = cidr,
    };

    private static CfnTaskDefinition.ContainerDefinitionProperty Worker(CfnParameter sessionId, CfnParameter image, CfnParameter schedulerAddress, CfnParameter poolName) => new()
    {
        Name = "worker",
        Image = image.ValueAsString,
        Essential = true,
        // No hard limit: the worker may use the instance; Dask's own limit (85%) spills to /scratch before the kernel kills.
        MemoryReservation = 1024,
        // One worker with a thread per vCPU, advertising the pool once per thread: every pool task asks for 1, so all the
        // threads run pool tasks (with pool-<region>=1 a 16-vCPU worker ran one at a time). tini stays PID 1 (as the image's
        // entry point has it) and execs the shell, which only counts the
        // vCPUs; the address and pool name it is given are held to their parameters' AllowedPattern (no shell characters).
        EntryPoint = ["/usr/bin/tini", "-g", "--", "/bin/sh", "-c"],
        Command =
        [
            Fn.Join("", [
                "exec dask worker ", schedulerAddress.ValueAsString,
                " --nthreads \"$(nproc)\" --resources \"", poolName.ValueAsString, "=$(nproc)\"",
                $" --nworkers 1 --memory-limit 0.85 --worker-port {PortalNames.WorkerPort} --nanny-port {PortalNames.NannyPort}",
                " --local-directory /scratch --no-dashboard",
            ]),
        ],
        MountPoints =
        new object[] {
            new CfnTaskDefinition.MountPointProperty { SourceVolume = "fsx", ContainerPath = "/fsx", ReadOnly = true },
            new CfnTaskDefinition.MountPointProperty { SourceVolume = "scratch", ContainerPath = "/scratch", ReadOnly = false },
        },
        Ulimits = new object[] {new CfnTaskDefinition.UlimitProperty { Name = "nofile", SoftLimit = 65536, HardLimit = 65536 }},
        LogConfiguration = new CfnTaskDefinition.LogConfigurationProperty
        {
            LogDriver = "awslogs",
            Options = new Dictionary<string, string>
            {
                ["awslogs-group"] = Exports.Import(ExportNames.RegionWorkerLogGroup),
                ["awslogs-region"] = Aws.REGION,
                ["awslogs-stream-prefix"] = sessionId.ValueAsString,
            },
        },
    };
}
