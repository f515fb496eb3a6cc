using Portal.Cdk.Tests.Support;

namespace Portal.Cdk.Tests.Guardrails;

public sealed class GuardrailTests(SynthesizedApp app)
{
    public static TheoryData<string> Stacks => [.. SynthesizedApp.StackNames];

    [Theory]
    [MemberData(nameof(Stacks))]
    public void Every_synthesized_template_keeps_every_guardrail(string stack)
    {
        var violations = Guardrail.Check(app[stack]);

        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    [Fact]
    public void Every_wildcard_exception_states_its_reason() =>
        Assert.All(
            WildcardResourcesOnlyWhereRequired.Allowed.Concat(WildcardResourcesOnlyWhereRequired.TypeWideAllowed).Concat(NoWildcardActions.PrefixAllowed),
            entry => Assert.False(string.IsNullOrWhiteSpace(entry.Value), entry.Key));
}
