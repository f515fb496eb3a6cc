using Amazon.CDK;
using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.ECS;
using Constructs;
using Portal.Cdk.Naming;
using Portal.Cdk.Shared;
using Discovery = Amazon.CDK.AWS.ServiceDiscovery;
using P = Portal.Cdk.Session.SessionParameterNames;

namespace Portal.Cdk.Session;

/// <summary>
/// One session's Dask scheduler in the home region: a Fargate service registered in Cloud Map as
/// <c>scheduler.&lt;session id&gt;</c> (so its address is <c>tcp://scheduler.&lt;session id&gt;.portal.internal:8786</c>),
/// reachable on 8786 only from the home and worker CIDRs. Everything shared comes from HomeFoundation's exports.
/// </summary>
internal sealed class SessionSchedulerStack : Stack
{
    public SessionSchedulerStack(Construct scope, string id, IStackProps props)
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
            Description = "Dask image (same dask/distributed pins as the notebook client)",
        });
        var cpu = new CfnParameter(this, P.Cpu, new CfnParameterProps
        {
            Type = "String",
            Default = "1024",
            AllowedValues = [.. FargateSizes.MemoryByCpu.Keys],
            Description = "Fargate CPU units",
        });
        var memory = new CfnParameter(this, P.Memory, new CfnParameterProps
        {
            Type = "String",
            Default = "4096",
            AllowedPattern = "^[1-9][0-9]{2,5}$",
            Description = "Fargate memory in MiB; a template rule checks it suits the CPU",
        });
        FargateSizes.AddRules(this, cpu, memory);

        var name = Fn.Join("-", [PortalNames.PortalStackPrefix + "scheduler", sessionId.ValueAsString]);
        var securityGroup = new CfnSecurityGroup(this, "SecurityGroup", new CfnSecurityGroupProps
        {
            GroupDescription = "Dask scheduler of one portal session",
            VpcId = Exports.Import(ExportNames.HomeVpcId),
            SecurityGroupIngress =
            new object[] {
                new CfnSecurityGroup.IngressProperty
                {
                    Description = "Dask clients and workers of the home and worker regions",
                    IpProtocol = "tcp",
                    FromPort = PortalNames.SchedulerPort,
                    ToPort = PortalNames.SchedulerPort,
                    SourcePrefixListId = Exports.Import(ExportNames.HomeDaskPeersPrefixList),
                },
                new CfnSecurityGroup.IngressProperty
                {
                    Description = "Dask dashboard, for notebooks in the home VPC",
                    IpProtocol = "tcp",
                    FromPort = PortalNames.DashboardPort,
                    ToPort = PortalNames.DashboardPort,
                    CidrIp = Exports.Import(ExportNames.HomeVpcCidr),
                },
            },
            SecurityGroupEgress =
            new object[] {
                new CfnSecurityGroup.EgressProperty { Description = "Workers, image registry", IpProtocol = "-1", CidrIp = "0.0.0.0/0" },
            },
            Tags = [new CfnTag { Key = "Name", Value = name }],
        });

        var discovery = new Discovery.CfnService(this, "Discovery", new Discovery.CfnServiceProps
        {
            Name = Fn.Join(".", ["scheduler", sessionId.ValueAsString]),
            NamespaceId = Exports.Import(ExportNames.HomeNamespaceId),
            Description = "The session's Dask scheduler",
            DnsConfig = new Discovery.CfnService.DnsConfigProperty
            {
                RoutingPolicy = "MULTIVALUE",
                DnsRecords = new object[] {new Discovery.CfnService.DnsRecordProperty { Type = "A", Ttl = 10 }},
            },
            HealthCheckCustomConfig = new Discovery.CfnService.HealthCheckCustomConfigProperty { FailureThreshold = 1 },
        });

        var task = new CfnTaskDefinition(this, "Task", new CfnTaskDefinitionProps
        {
            Family = name,
            RequiresCompatibilities = ["FARGATE"],
            NetworkMode = "awsvpc",
            Cpu = cpu.ValueAsString,
            Memory = memory.ValueAsString,
            ExecutionRoleArn = Exports.Import(ExportNames.HomeSchedulerExecutionRoleArn),
            TaskRoleArn = Exports.Import(ExportNames.HomeSchedulerTaskRoleArn),
            RuntimePlatform = new CfnTaskDefinition.RuntimePlatformProperty { CpuArchitecture = "X86_64", OperatingSystemFamily = "LINUX" },
            ContainerDefinitions = new object[]
            {
                new CfnTaskDefinition.ContainerDefinitionProperty
                {
                    Name = "scheduler",
                    Image = image.ValueAsString,
                    Essential = true,
                    Command = ["dask", "scheduler", "--port", $"{PortalNames.SchedulerPort}", "--dashboard-address", $":{PortalNames.DashboardPort}"],
                    PortMappings =
                    new object[] {
                        new CfnTaskDefinition.PortMappingProperty { ContainerPort = PortalNames.SchedulerPort, Protocol = "tcp" },
                        new CfnTaskDefinition.PortMappingProperty { ContainerPort = PortalNames.DashboardPort, Protocol = "tcp" },
                    },
                    LogConfiguration = new CfnTaskDefinition.LogConfigurationProperty
                    {
                        LogDriver = "awslogs",
                        Options = new Dictionary<string, string>
                        {
                            ["awslogs-group"] = Exports.Import(ExportNames.HomeSchedulerLogGroup),
                            ["awslogs-region"] = Aws.REGION,
                            ["awslogs-stream-prefix"] = sessionId.ValueAsString,
                        },
                    },
                },
            },
        });

        var service = new CfnService(this, "Service", new CfnServiceProps
        {
            ServiceName = name,
            Cluster = Exports.Import(ExportNames.HomeSchedulerCluster),
            LaunchType = "FARGATE",
            DesiredCount = 1,
            TaskDefinition = task.Ref,
            // One scheduler: a replacement starts only after the old one stopped, never two at once.
            DeploymentConfiguration = new CfnService.DeploymentConfigurationProperty { MinimumHealthyPercent = 0, MaximumPercent = 100 },
            NetworkConfiguration = new CfnService.NetworkConfigurationProperty
            {
                AwsvpcConfiguration = new CfnService.AwsVpcConfigurationProperty
                {
                    AssignPublicIp = "DISABLED",
                    Subnets = Fn.Split(",", Exports.Import(ExportNames.HomePrivateSubnetIds)),
                    SecurityGroups = [securityGroup.AttrGroupId],
                },
            },
            ServiceRegistries = new object[] {new CfnService.ServiceRegistryProperty { RegistryArn = discovery.AttrArn }},
            PropagateTags = "SERVICE",
            Tags = [new CfnTag { Key = PortalNames.SessionTagKey, Value = sessionId.ValueAsString }],
        });

        _ = new CfnOutput(this, "SchedulerAddress", new CfnOutputProps
        {
            Description = "What the notebook and the workers connect to",
            Value = Fn.Join("", ["tcp://scheduler.", sessionId.ValueAsString, ".", Exports.Import(ExportNames.HomeNamespaceName), $":{PortalNames.SchedulerPort}"]),
        });
        _ = new CfnOutput(this, "ServiceName", new CfnOutputProps { Value = service.AttrName });
    }
}
