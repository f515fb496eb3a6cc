using Portal.Cdk.Tests.Support;

namespace Portal.Cdk.Tests.Guardrails;

/// <summary>Nothing accepts traffic from 0.0.0.0/0 or ::/0, except a load balancer's security group on TCP 443.</summary>
public sealed class NoOpenIngressExceptLoadBalancerHttps : IGuardrail
{
    public string Name => nameof(NoOpenIngressExceptLoadBalancerHttps);

    public IEnumerable<Violation> Check(CfnTemplate synthesized)
    {
        ArgumentNullException.ThrowIfNull(synthesized);
        var loadBalancerGroups = synthesized.ResourcesOfType("AWS::ElasticLoadBalancingV2::LoadBalancer")
            .SelectMany(lb => lb.Value["Properties"]?["SecurityGroups"].AsList() ?? [])
            .Select(GroupId)
            .ToHashSet();

        var rules = synthesized.ResourcesOfType("AWS::EC2::SecurityGroup")
            .SelectMany(g => (g.Value["Properties"]?["SecurityGroupIngress"].AsList() ?? []).Select(rule => (Group: g.Key, Rule: rule)))
            .Concat(synthesized.ResourcesOfType("AWS::EC2::SecurityGroupIngress")
                .Select(i => (Group: GroupId(i.Value["Properties"]!["GroupId"]) ?? i.Key, Rule: (JsonNode)i.Value["Properties"]!)));

        foreach (var (group, rule) in rules)
        {
            var open = rule["CidrIp"].AsText() == "0.0.0.0/0" || rule["CidrIpv6"].AsText() == "::/0";
            if (!open)
            {
                continue;
            }

            var https = rule["IpProtocol"].AsText() == "tcp" && Port(rule["FromPort"]) == 443 && Port(rule["ToPort"]) == 443;
            if (!https || !loadBalancerGroups.Contains(group))
            {
                yield return new Violation(Name, group, $"accepts {rule.ToJsonString()} from anywhere");
            }
        }
    }

    private static string? GroupId(JsonNode? node) =>
        node?["Fn::GetAtt"] is JsonArray getAtt ? getAtt[0].AsText() : node?["Ref"].AsText();

    private static int? Port(JsonNode? node) => node is JsonValue v ? int.Parse(v.ToString(), System.Globalization.CultureInfo.InvariantCulture) : null;
}
