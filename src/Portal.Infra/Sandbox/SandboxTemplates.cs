namespace Portal.Infra.Sandbox;

/// <summary>The resources each template creates, in creation order, so the sandbox can report realistic events.</summary>
internal static class SandboxTemplates
{
    private static readonly Dictionary<string, (string LogicalId, string Type)[]> Resources = new(StringComparer.Ordinal)
    {
        ["SessionScheduler"] =
        [
            ("SchedulerLogGroup", "AWS::Logs::LogGroup"),
            ("SchedulerSecurityGroup", "AWS::EC2::SecurityGroup"),
            ("SchedulerTaskDefinition", "AWS::ECS::TaskDefinition"),
            ("SchedulerDiscoveryService", "AWS::ServiceDiscovery::Service"),
            ("SchedulerService", "AWS::ECS::Service"),
        ],
        ["SessionWorkers"] =
        [
            ("WorkerLogGroup", "AWS::Logs::LogGroup"),
            ("WorkerTaskDefinition", "AWS::ECS::TaskDefinition"),
            ("WorkerService", "AWS::ECS::Service"),
        ],
        ["RegionFoundation"] =
        [
            ("Vpc", "AWS::EC2::VPC"),
            ("TransitGateway", "AWS::EC2::TransitGateway"),
            ("TransitGatewayPeering", "AWS::EC2::TransitGatewayPeeringAttachment"),
            ("FileSystem", "AWS::FSx::FileSystem"),
            ("DataRepositoryAssociation", "AWS::FSx::DataRepositoryAssociation"),
            ("Cluster", "AWS::ECS::Cluster"),
        ],
    };

    private static readonly (string LogicalId, string Type)[] Fallback = [("Resources", "AWS::CloudFormation::WaitConditionHandle")];

    public static IReadOnlyList<(string LogicalId, string Type)> ResourcesOf(string template) =>
        Resources.TryGetValue(template, out var resources) ? resources : Fallback;
}
