using System.Text.RegularExpressions;
using Portal.Cdk.Tests.Support;

namespace Portal.Cdk.Tests.Guardrails;

/// <summary>
/// No Allow statement grants <c>*</c> or a whole service (<c>s3:*</c>). The one exception is the default KMS key policy
/// statement that gives the account root <c>kms:*</c>: without it a key can become unmanageable (AWS's own default).
/// </summary>
public sealed partial class NoWildcardActions : IGuardrail
{
    public string Name => nameof(NoWildcardActions);

    public IEnumerable<Violation> Check(CfnTemplate synthesized)
    {
        ArgumentNullException.ThrowIfNull(synthesized);
        foreach (var statement in PolicyStatementInfo.In(synthesized).Where(s => s.IsAllow))
        {
            foreach (var action in statement.Actions.Where(a => a == "*" || ServiceWide().IsMatch(a)))
            {
                if (statement.IsKeyPolicy && action == "kms:*" && IsAccountRoot(statement.Statement["Principal"]))
                {
                    continue;
                }

                yield return new Violation(Name, statement.LogicalId, $"allows {action}");
            }
        }
    }

    private static bool IsAccountRoot(JsonNode? principal) =>
        principal?["AWS"] is { } aws && aws.ToJsonString().Contains(":root", StringComparison.Ordinal);

    [GeneratedRegex(@"^[a-z0-9-]+:\*$")]
    private static partial Regex ServiceWide();
}
