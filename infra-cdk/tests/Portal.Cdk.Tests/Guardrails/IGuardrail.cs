using Portal.Cdk.Tests.Support;

namespace Portal.Cdk.Tests.Guardrails;

/// <summary>A rule in the spirit of cdk-nag (whose .NET package is not served here), checked on a synthesized template.</summary>
public interface IGuardrail
{
    string Name { get; }

    IEnumerable<Violation> Check(CfnTemplate synthesized);
}
