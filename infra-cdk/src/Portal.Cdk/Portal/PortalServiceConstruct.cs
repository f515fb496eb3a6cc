using Amazon.CDK;
using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.ECS;
using Amazon.CDK.AWS.ElasticLoadBalancingV2;
using Amazon.CDK.AWS.Logs;
using Constructs;
using Portal.Cdk.Shared;

namespace Portal.Cdk.Portal;

/// <summary>
/// The portal on Fargate behind an internet-facing ALB. Blazor Server keeps a WebSocket per circuit, so the target
/// group is sticky and the ALB's idle timeout is long; only HTTPS (443) is open to the world, with access logs on.
/// </summary>
internal sealed class PortalServiceConstruct : Construct
{
    public const int ContainerPort = 8080;

    /// <summary>Seconds an idle connection stays open; SignalR pings every 15 s, this covers long-polling fallbacks and slow clients.</summary>
    public const int IdleTimeoutSeconds = 300;

    public PortalServiceConstruct(Construct scope, string id, PortalServiceConstructProps props)
        : base(scope, id)
    {
        var cluster = new Cluster(this, "Cluster", new ClusterProps { Vpc = props.Vpc, ContainerInsights = true });
        Task = new FargateTaskDefinition(this, "Task", new FargateTaskDefinitionProps
        {
            Cpu = 1024,
            MemoryLimitMiB = 2048,
            RuntimePlatform = new RuntimePlatform { CpuArchitecture = CpuArchitecture.X86_64, OperatingSystemFamily = OperatingSystemFamily.LINUX },
        });
        _ = Task.AddContainer("Portal", new ContainerDefinitionOptions
        {
            Image = props.Image,
            Environment = props.Environment.ToDictionary(),
            Secrets = props.Secrets.ToDictionary(),
            PortMappings = [new PortMapping { ContainerPort = ContainerPort }],
            Logging = LogDriver.AwsLogs(new AwsLogDriverProps
            {
                StreamPrefix = "portal",
                LogGroup = EncryptedLogGroups.Create(this, "Logs", props.Key, RetentionDays.SIX_MONTHS),
            }),
        });

        Service = new FargateService(this, "Service", new FargateServiceProps
        {
            Cluster = cluster,
            TaskDefinition = Task,
            // One instance: the orchestrator drives sessions from a hosted service; two would race each other.
            DesiredCount = 1,
            MinHealthyPercent = 0,
            MaxHealthyPercent = 100,
            VpcSubnets = new SubnetSelection { SubnetType = SubnetType.PRIVATE_WITH_EGRESS },
            CircuitBreaker = new DeploymentCircuitBreaker { Rollback = true },
        });

        var accessLogs = new SecureBucketConstruct(this, "AccessLogs", new SecureBucketConstructProps { ExpireAfterDays = 365 }).Bucket;
        LoadBalancer = new ApplicationLoadBalancer(this, "LoadBalancer", new ApplicationLoadBalancerProps
        {
            Vpc = props.Vpc,
            InternetFacing = true,
            IdleTimeout = Duration.Seconds(IdleTimeoutSeconds),
            DropInvalidHeaderFields = true,
            DeletionProtection = true,
        });
        LoadBalancer.LogAccessLogs(accessLogs, "alb");

        var listener = LoadBalancer.AddListener("Https", new BaseApplicationListenerProps
        {
            Port = 443,
            Protocol = ApplicationProtocol.HTTPS,
            SslPolicy = SslPolicy.RECOMMENDED_TLS,
            Certificates = [ListenerCertificate.FromArn(props.CertificateArn)],
            Open = true,
        });
        _ = listener.AddTargets("Portal", new AddApplicationTargetsProps
        {
            Port = ContainerPort,
            Protocol = ApplicationProtocol.HTTP,
            Targets = [Service],
            // Blazor Server: a circuit lives on one instance, so its requests must keep going there.
            StickinessCookieDuration = Duration.Hours(8),
            DeregistrationDelay = Duration.Seconds(30),
            HealthCheck = new Amazon.CDK.AWS.ElasticLoadBalancingV2.HealthCheck
            {
                // The portal's own health endpoint: anonymous, and it checks the database too.
                Path = "/healthz",
                HealthyHttpCodes = "200",
                Interval = Duration.Seconds(30),
            },
        });
    }

    public FargateTaskDefinition Task { get; }

    public FargateService Service { get; }

    public ApplicationLoadBalancer LoadBalancer { get; }
}
