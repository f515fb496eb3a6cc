namespace Portal.Cdk.Tests.Guardrails;

/// <summary>One broken rule: which rule, where, and why.</summary>
public sealed record Violation(string Rule, string LogicalId, string Reason)
{
    public override string ToString() => $"{Rule}: {LogicalId}: {Reason}";
}
