using System.Text.RegularExpressions;
using Portal.Cdk.Tests.Support;

namespace Portal.Cdk.Tests.Guardrails;

/// <summary>
/// A wildcard resource (<c>*</c>, or an ARN whose resource part is only wildcards, such as <c>arn:aws:s3:::*</c> or
/// <c>arn:aws:ec2:*:&lt;account&gt;:*</c>) only for actions that cannot be scoped further, each listed in
/// <see cref="Allowed"/> with its reason; every resource of a type (<c>…:key/*</c>, <c>…:hostedzone/*</c>) only for
/// types listed in <see cref="TypeWideAllowed"/> with their reason. A statement limited to tagged resources by its
/// condition (<c>aws:ResourceTag</c>, <c>aws:RequestTag</c>, <c>ec2:CreateAction</c>) is scoped by that; key policies
/// are exempt, since there <c>*</c> means the key itself.
/// </summary>
public sealed partial class WildcardResourcesOnlyWhereRequired : IGuardrail
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
        ["servicediscovery:ListServices"] = "has no resource type (a listing)",
        ["logs:DescribeLogGroups"] = "a listing with no resource-level permissions",
        ["servicediscovery:GetOperation"] = "has no resource type",
        ["pricing:GetProducts"] = "has no resource type",
        ["pricing:DescribeServices"] = "has no resource type",
        ["servicequotas:ListServiceQuotas"] = "has no resource type",
        ["servicequotas:GetServiceQuota"] = "quotas are <service>/<quota code>; the portal reads those of several services (read-only)",
        ["servicequotas:GetAWSDefaultServiceQuota"] = "quotas are <service>/<quota code>; the portal reads those of several services (read-only)",
        ["sagemaker:ListNotebookInstances"] = "has no resource type",
        ["cloudformation:ListStacks"] = "has no resource-level permissions (a listing)",
        ["sts:GetCallerIdentity"] = "has no resource type",
        ["ec2:DescribeSubnets"] = "EC2 Describe actions support no resource-level permissions",
        ["ec2:DescribeSecurityGroups"] = "EC2 Describe actions support no resource-level permissions",
    };

    /// <summary>Resource types (<c>service:type</c>) granted whole, with the reason nothing narrower works.</summary>
    public static IReadOnlyDictionary<string, string> TypeWideAllowed { get; } = new Dictionary<string, string>
    {
        ["ec2:security-group-rule"] = "rules get random ids and CloudFormation does not tag them; their group must be the portal's",
        ["ec2:vpc"] = "CreateSecurityGroup only: SessionScheduler's group is in HomeFoundation's VPC, deliberately not tagged",
        ["ec2:instance"] = "RunInstances check of an Auto Scaling group: the instance does not exist yet",
        ["ec2:volume"] = "RunInstances check of an Auto Scaling group: the volume does not exist yet",
        ["ec2:network-interface"] = "RunInstances check of an Auto Scaling group, and a notebook's interface (SageMaker creates it with the portal's rights): the interface does not exist yet",
        ["ec2:image"] = "public AMIs (AWS's ECS-optimised image, no account in the ARN)",
        ["ec2:transit-gateway-attachment"] = "the peering attachment is accepted in the home region, where it is not ours to tag",
        ["ec2:transit-gateway-route-table"] = "the hub's route table belongs to HomeFoundation (the operator's stack)",
        ["ec2:prefix-list"] = "GetManagedPrefixListEntries only (a read): prefix list ids are random (pl-…); changes need the tag",
        ["ecr:repository"] = "the Dask image lives in CDK's asset repository, named by the bootstrap; pulls only",
        ["route53:hostedzone"] = "the scheduler zone is Cloud Map's, created with a random id",
        ["route53:healthcheck"] = "Cloud Map health checks get random ids",
        ["servicediscovery:namespace"] = "Cloud Map ids are random; the namespace is HomeFoundation's",
        ["servicediscovery:service"] = "Cloud Map ids are random (srv-…), names are not in the ARN",
        ["fsx:file-system"] = "file system ids are random (fs-…)",
        ["fsx:association"] = "association ids are random (dra-…)",
    };

    public string Name => nameof(WildcardResourcesOnlyWhereRequired);

    public IEnumerable<Violation> Check(CfnTemplate synthesized)
    {
        ArgumentNullException.ThrowIfNull(synthesized);
        foreach (var statement in PolicyStatementInfo.In(synthesized).Where(s => s.IsAllow && !s.IsKeyPolicy && !s.IsScopedByTags))
        {
            foreach (var resource in statement.Resources)
            {
                if (IsWildcard(resource))
                {
                    foreach (var action in statement.Actions.Where(a => !Allowed.ContainsKey(a)))
                    {
                        yield return new Violation(Name, statement.LogicalId, $"allows {action} on every resource ({resource})");
                    }
                }
                else if (TypeWide(resource) is { } type && !TypeWideAllowed.ContainsKey(type))
                {
                    yield return new Violation(Name, statement.LogicalId, $"allows {string.Join(", ", statement.Actions)} on every {type} ({resource}) without a stated reason");
                }
            }
        }
    }

    /// <summary><c>*</c>, or an ARN whose resource part is only wildcards and separators.</summary>
    public static bool IsWildcard(string resource) =>
        resource == "*" || (ResourcePart(resource) is { } part && part.Length > 0 && part.All(c => c is '*' or '/' or ':'));

    /// <summary><c>service:type</c> when the ARN names every resource of one type (<c>type/*</c> or <c>type:*</c>); null otherwise.</summary>
    public static string? TypeWide(string resource)
    {
        var parts = resource.Split(':', 6);
        if (parts.Length < 6 || parts[0] != "arn" || parts[2] == "s3")
        {
            return null;
        }

        var match = WholeType().Match(parts[5]);
        return match.Success ? $"{parts[2]}:{match.Groups["type"].Value}" : null;
    }

    private static string? ResourcePart(string resource)
    {
        var parts = resource.Split(':', 6);
        return parts.Length == 6 && parts[0] == "arn" ? parts[5] : null;
    }

    [GeneratedRegex(@"^(?<type>[A-Za-z0-9-]+)[/:]\*$")]
    private static partial Regex WholeType();
}
