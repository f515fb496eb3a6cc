using Portal.Cdk.Tests.Support;

namespace Portal.Cdk.Tests.Guardrails;

/// <summary>
/// <c>"Resource": "*"</c> only for actions that cannot be scoped further; each is listed here with its reason. Key
/// policies are exempt: there <c>*</c> means the key itself.
/// </summary>
public sealed class WildcardResourcesOnlyWhereRequired : IGuardrail
{
    public static IReadOnlyDictionary<string, string> Allowed { get; } = new Dictionary<string, string>
    {
        ["ec2:Describe*"] = "EC2 Describe actions support no resource-level permissions",
        ["ec2:DescribeRegions"] = "EC2 Describe actions support no resource-level permissions",
        ["ec2:DescribeVpcs"] = "EC2 Describe actions support no resource-level permissions",
        ["ec2:DescribeTransitGateways"] = "EC2 Describe actions support no resource-level permissions",
        ["ec2:DescribeTransitGatewayPeeringAttachments"] = "EC2 Describe actions support no resource-level permissions",
        ["autoscaling:Describe*"] = "Auto Scaling Describe actions support no resource-level permissions",
        ["ecr:GetAuthorizationToken"] = "has no resource type (a registry login)",
        ["ecs:DiscoverPollEndpoint"] = "has no resource type",
        ["ecs:RegisterTaskDefinition"] = "has no resource type (the definition does not exist yet)",
        ["ecs:DeregisterTaskDefinition"] = "has no resource type",
        ["ecs:DescribeTaskDefinition"] = "has no resource type",
        ["ecs:DescribeCapacityProviders"] = "has no resource type",
        ["fsx:Describe*"] = "FSx Describe actions list the whole region; they are read-only",
        ["fsx:DescribeFileSystems"] = "FSx Describe actions list the whole region; they are read-only",
        ["fsx:DescribeDataRepositoryAssociations"] = "FSx Describe actions list the whole region; they are read-only",
        ["kms:CreateKey"] = "the key does not exist yet",
        ["kms:TagResource"] = "tags given to CreateKey are authorized before the key has an ARN; allowed only with portal-managed in the request",
        ["ec2:GetTransitGatewayRouteTableAssociations"] = "has no resource type",
        ["ec2:GetTransitGatewayRouteTablePropagations"] = "has no resource type",
        ["servicediscovery:ListTagsForResource"] = "has no resource type",
        ["logs:DescribeLogGroups"] = "a listing with no resource-level permissions",
        ["servicediscovery:GetOperation"] = "has no resource type",
        ["pricing:GetProducts"] = "has no resource type",
        ["pricing:DescribeServices"] = "has no resource type",
        ["servicequotas:ListServiceQuotas"] = "has no resource type",
        ["sagemaker:ListNotebookInstances"] = "has no resource type",
    };

    public string Name => nameof(WildcardResourcesOnlyWhereRequired);

    public IEnumerable<Violation> Check(CfnTemplate synthesized)
    {
        ArgumentNullException.ThrowIfNull(synthesized);
        foreach (var statement in PolicyStatementInfo.In(synthesized).Where(s => s.IsAllow && !s.IsKeyPolicy && s.HasStarResource))
        {
            foreach (var action in statement.Actions.Where(a => !Allowed.ContainsKey(a)))
            {
                yield return new Violation(Name, statement.LogicalId, $"allows {action} on every resource");
            }
        }
    }
}
