using Portal.Cdk.Tests.Support;

namespace Portal.Cdk.Tests.Guardrails;

/// <summary>
/// No Allow statement uses <c>NotAction</c> or <c>NotResource</c>: "everything but" grants whatever a service adds later
/// and hides what is really allowed. (In a Deny they narrow, and are fine.)
/// </summary>
public sealed class NoNegatedAllows : IGuardrail
{
    public string Name => nameof(NoNegatedAllows);

    public IEnumerable<Violation> Check(CfnTemplate synthesized)
    {
        ArgumentNullException.ThrowIfNull(synthesized);
        foreach (var statement in PolicyStatementInfo.In(synthesized).Where(s => s.IsAllow))
        {
            foreach (var element in new[] { "NotAction", "NotResource" }.Where(e => statement.Statement[e] is not null))
            {
                yield return new Violation(Name, statement.LogicalId, $"allows with {element} {statement.Statement[element]!.ToJsonString()}");
            }
        }
    }
}
