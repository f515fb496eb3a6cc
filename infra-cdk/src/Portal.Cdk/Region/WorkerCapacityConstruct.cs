using Amazon.CDK;
using Amazon.CDK.AWS.AutoScaling;
using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.ECS;
using Amazon.CDK.AWS.IAM;
using Constructs;
using Portal.Cdk.Naming;

namespace Portal.Cdk.Region;

internal sealed class WorkerCapacityConstructProps
{
    public required string VpcId { get; init; }

    /// <summary>
    /// Where worker instances start: the file system's subnet. FSx for Lustre PERSISTENT_2 lives in one Availability
    /// Zone; reading it from another adds a hop of latency to every Lustre RPC and inter-AZ data transfer charges on every
    /// byte, and a zone outage that takes the file system takes those workers' data anyway.
    /// </summary>
    public required string SubnetId { get; init; }

    public required IReadOnlyList<string> WorkerSizes { get; init; }

    public required string DefaultWorkerSize { get; init; }

    public required string FileSystemDnsName { get; init; }

    public required string FileSystemMountName { get; init; }
}

/// <summary>
/// The ECS cluster of a worker region and, per worker size, an Auto Scaling group that starts empty and a capacity
/// provider with managed scaling: a session's workers make instances appear, and they go when the session ends.
/// </summary>
internal sealed class WorkerCapacityConstruct : Construct
{
    public WorkerCapacityConstruct(Construct scope, string id, WorkerCapacityConstructProps props)
        : base(scope, id)
    {
        Cluster = new CfnCluster(this, "Cluster", new CfnClusterProps
        {
            ClusterName = PortalNames.WorkerCluster,
            ClusterSettings = new object[] {new CfnCluster.ClusterSettingsProperty { Name = "containerInsights", Value = "enabled" }},
        });

        InstanceSecurityGroup = new CfnSecurityGroup(this, "InstanceSecurityGroup", new CfnSecurityGroupProps
        {
            // Tasks have their own network interfaces and groups (SessionWorkers); the instance itself is a Lustre client.
            GroupDescription = "Worker instances: inbound only Lustre, from the file system and other workers",
            VpcId = props.VpcId,
            SecurityGroupEgress =
            new object[] {
                new CfnSecurityGroup.EgressProperty { Description = "ECS, image registry, FSx", IpProtocol = "-1", CidrIp = "0.0.0.0/0" },
            },
        });

        var profile = new CfnInstanceProfile(this, "InstanceProfile", new CfnInstanceProfileProps { Roles = [InstanceRole().RoleName] });
        var providers = new List<string>();
        foreach (var size in props.WorkerSizes)
        {
            providers.Add(SizeCapacity(size, props, InstanceSecurityGroup, profile).Ref);
        }

        _ = new CfnClusterCapacityProviderAssociations(this, "Providers", new CfnClusterCapacityProviderAssociationsProps
        {
            Cluster = Cluster.Ref,
            CapacityProviders = [.. providers],
            DefaultCapacityProviderStrategy =
            new object[] {
                new CfnClusterCapacityProviderAssociations.CapacityProviderStrategyProperty
                {
                    CapacityProvider = PortalNames.CapacityProvider(props.DefaultWorkerSize),
                    Weight = 1,
                },
            },
        });
    }

    public CfnCluster Cluster { get; }

    /// <summary>The group of the worker instances (not of their tasks); Lustre rules are added by the file system.</summary>
    public CfnSecurityGroup InstanceSecurityGroup { get; }

    private CfnCapacityProvider SizeCapacity(string size, WorkerCapacityConstructProps props, CfnSecurityGroup securityGroup, CfnInstanceProfile profile)
    {
        var name = PortalNames.CapacityProvider(size);
        var sizeId = string.Concat(size.Where(char.IsAsciiLetterOrDigit));
        sizeId = char.ToUpperInvariant(sizeId[0]) + sizeId[1..];
        var template = new CfnLaunchTemplate(this, $"Template{sizeId}", new CfnLaunchTemplateProps
        {
            // The template's own tags (not the instances'): the stack execution role creates only tagged EC2 resources.
            TagSpecifications = new object[]
            {
                new CfnLaunchTemplate.LaunchTemplateTagSpecificationProperty
                {
                    ResourceType = "launch-template",
                    Tags = [new CfnTag { Key = PortalNames.ManagedTagKey, Value = PortalNames.ManagedTagValue }],
                },
            },
            LaunchTemplateData = new CfnLaunchTemplate.LaunchTemplateDataProperty
            {
                // Resolved when an instance launches: always the current ECS-optimised AMI, and no template parameter.
                ImageId = "resolve:ssm:/aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/image_id",
                InstanceType = size,
                IamInstanceProfile = new CfnLaunchTemplate.IamInstanceProfileProperty { Arn = profile.AttrArn },
                SecurityGroupIds = [securityGroup.AttrGroupId],
                MetadataOptions = new CfnLaunchTemplate.MetadataOptionsProperty { HttpTokens = "required", HttpPutResponseHopLimit = 2 },
                BlockDeviceMappings =
                new object[] {
                    new CfnLaunchTemplate.BlockDeviceMappingProperty
                    {
                        DeviceName = "/dev/xvda",
                        Ebs = new CfnLaunchTemplate.EbsProperty { Encrypted = true, VolumeSize = 50, VolumeType = "gp3", DeleteOnTermination = true },
                    },
                },
                UserData = WorkerUserData.Build(PortalNames.WorkerCluster, props.FileSystemDnsName, props.FileSystemMountName),
                TagSpecifications =
                new object[] {
                    new CfnLaunchTemplate.TagSpecificationProperty
                    {
                        ResourceType = "instance",
                        Tags = [new CfnTag { Key = "Name", Value = "portal-worker-" + size }],
                    },
                },
            },
        });

        var group = new CfnAutoScalingGroup(this, $"Group{sizeId}", new CfnAutoScalingGroupProps
        {
            MinSize = "0",
            MaxSize = "50",
            VpcZoneIdentifier = [props.SubnetId],
            LaunchTemplate = new CfnAutoScalingGroup.LaunchTemplateSpecificationProperty
            {
                LaunchTemplateId = template.Ref,
                Version = template.AttrLatestVersionNumber,
            },
            // No scale-in protection: with it (and ECS's managed termination protection) a foundation's delete waits
            // for ever on instances nothing unprotects once the capacity provider is gone. Managed draining below
            // moves a worker off an instance before Auto Scaling ends it instead.
            NewInstancesProtectedFromScaleIn = false,
        });
        // Deleted before the cluster: a cluster with registered container instances cannot be deleted. (The capacity
        // provider refers to the group, so it goes first; the associations refer to both, so they go before it.)
        group.AddDependency(Cluster);

        return new CfnCapacityProvider(this, $"Provider{sizeId}", new CfnCapacityProviderProps
        {
            Name = name,
            AutoScalingGroupProvider = new CfnCapacityProvider.AutoScalingGroupProviderProperty
            {
                AutoScalingGroupArn = group.Ref,
                ManagedTerminationProtection = "DISABLED",
                ManagedDraining = "ENABLED",
                ManagedScaling = new CfnCapacityProvider.ManagedScalingProperty
                {
                    Status = "ENABLED",
                    TargetCapacity = 100,
                    MinimumScalingStepSize = 1,
                    MaximumScalingStepSize = 10,
                    InstanceWarmupPeriod = 180,
                },
            },
        });
    }

    private Role InstanceRole()
    {
        var role = new Role(this, "InstanceRole", new RoleProps
        {
            AssumedBy = new ServicePrincipal("ec2.amazonaws.com"),
            Description = "ECS agent on worker instances (tasks pull images and log with their execution role)",
        });
        var clusterArn = Fn.Sub("arn:${AWS::Partition}:ecs:${AWS::Region}:${AWS::AccountId}:cluster/" + PortalNames.WorkerCluster);
        _ = role.AddToPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "JoinWorkerCluster",
            Actions = ["ecs:RegisterContainerInstance", "ecs:DeregisterContainerInstance", "ecs:SubmitContainerStateChange", "ecs:SubmitTaskStateChange", "ecs:SubmitAttachmentStateChanges"],
            Resources = [clusterArn],
        }));
        _ = role.AddToPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "ActAsContainerInstance",
            Actions = ["ecs:Poll", "ecs:StartTelemetrySession", "ecs:UpdateContainerInstancesState"],
            Resources = [Fn.Sub("arn:${AWS::Partition}:ecs:${AWS::Region}:${AWS::AccountId}:container-instance/" + PortalNames.WorkerCluster + "/*")],
        }));
        // WorkerUserData: an instance that cannot mount /fsx (or loses it) reports itself unhealthy to be replaced.
        _ = role.AddToPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "ReportOwnHealth",
            Actions = ["autoscaling:SetInstanceHealth"],
            Resources = [Fn.Sub("arn:${AWS::Partition}:autoscaling:${AWS::Region}:${AWS::AccountId}:autoScalingGroup:*:autoScalingGroupName/*")],
            Conditions = new Dictionary<string, object>
            {
                ["StringEquals"] = new Dictionary<string, object> { [$"aws:ResourceTag/{PortalNames.ManagedTagKey}"] = PortalNames.ManagedTagValue },
            },
        }));
        _ = role.AddToPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "DiscoverEcsEndpoint",
            Actions = ["ecs:DiscoverPollEndpoint"],
            // DiscoverPollEndpoint has no resource type: "*" is the only valid resource.
            Resources = ["*"],
        }));
        return role;
    }
}
