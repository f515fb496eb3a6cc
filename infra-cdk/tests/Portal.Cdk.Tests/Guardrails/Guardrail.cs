using Portal.Cdk.Tests.Support;

namespace Portal.Cdk.Tests.Guardrails;

/// <summary>All guardrails, and running them.</summary>
public static class Guardrail
{
    public static IReadOnlyList<IGuardrail> All { get; } =
    [
        new NoWildcardActions(),
        new WildcardResourcesOnlyWhereRequired(),
        new NoNegatedAllows(),
        new BucketsLockedDown(),
        new NoOpenIngressExceptLoadBalancerHttps(),
        new EncryptedAtRest(),
        new FlowLogsAndAccessLogs(),
        new ExplicitRetention(),
    ];

    public static IReadOnlyList<Violation> Check(CfnTemplate template) => [.. All.SelectMany(rule => rule.Check(template))];
}
