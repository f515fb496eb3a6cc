using Portal.Cdk.Tests.Support;

namespace Portal.Cdk.Tests.Guardrails;

/// <summary>Every VPC has a flow log and every load balancer writes access logs.</summary>
public sealed class FlowLogsAndAccessLogs : IGuardrail
{
    public string Name => nameof(FlowLogsAndAccessLogs);

    public IEnumerable<Violation> Check(CfnTemplate synthesized)
    {
        ArgumentNullException.ThrowIfNull(synthesized);
        var logged = synthesized.ResourcesOfType("AWS::EC2::FlowLog")
            .Select(f => f.Value["Properties"]?["ResourceId"]?["Ref"].AsText())
            .ToHashSet();
        foreach (var (id, _) in synthesized.ResourcesOfType("AWS::EC2::VPC").Where(v => !logged.Contains(v.Key)))
        {
            yield return new Violation(Name, id, "VPC without flow logs");
        }

        foreach (var (id, lb) in synthesized.ResourcesOfType("AWS::ElasticLoadBalancingV2::LoadBalancer"))
        {
            var attributes = lb["Properties"]?["LoadBalancerAttributes"].AsList() ?? [];
            if (!attributes.Any(a => a["Key"].AsText() == "access_logs.s3.enabled" && a["Value"].AsText() == "true"))
            {
                yield return new Violation(Name, id, "load balancer without access logs");
            }
        }
    }
}
