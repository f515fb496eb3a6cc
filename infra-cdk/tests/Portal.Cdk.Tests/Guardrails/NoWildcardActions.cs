using System.Text.RegularExpressions;
using Portal.Cdk.Tests.Support;

namespace Portal.Cdk.Tests.Guardrails;

/// <summary>
/// No Allow statement grants <c>*</c> or a whole service (<c>s3:*</c>), and a partial wildcard (<c>s3:Get*</c>) only
/// when <see cref="PrefixAllowed"/> says why: a prefix grants every action AWS adds under it later. The one exception to
/// the first rule is the default KMS key policy statement that gives the account root <c>kms:*</c>: without it a key can
/// become unmanageable (AWS's own default).
/// </summary>
public sealed partial class NoWildcardActions : IGuardrail
{
    /// <summary>Partial wildcards we accept, with the reason; most come from CDK's grant helpers, which write them.</summary>
    public static IReadOnlyDictionary<string, string> PrefixAllowed { get; } = new Dictionary<string, string>
    {
        ["ec2:Describe*"] = "read-only; CloudFormation's EC2 handlers call many Describe actions, none with resource-level permissions",
        ["autoscaling:Describe*"] = "read-only; CloudFormation's Auto Scaling handler lists autoscaling:Describe* itself",
        ["fsx:Describe*"] = "read-only; CloudFormation's FSx handlers poll file systems and associations",
        ["s3:GetObject*"] = "CDK's Bucket.grantRead: reads of objects and their versions, ACLs and tags, in the granted bucket only",
        ["s3:GetBucket*"] = "CDK's Bucket.grantRead: bucket settings reads, in the granted bucket only",
        ["s3:List*"] = "CDK's Bucket.grantRead: listings, in the granted bucket only",
        ["s3:DeleteObject*"] = "CDK's BucketDeployment replaces the published files under its prefix",
        ["s3:Abort*"] = "CDK's BucketDeployment aborts its own failed multipart uploads",
        ["kms:ReEncrypt*"] = "CDK's key grant to Secrets Manager (kms:ViaService): ReEncryptFrom and ReEncryptTo",
        ["kms:GenerateDataKey*"] = "CDK's key grant to Secrets Manager (kms:ViaService): data keys for the secrets",
    };

    public string Name => nameof(NoWildcardActions);

    public IEnumerable<Violation> Check(CfnTemplate synthesized)
    {
        ArgumentNullException.ThrowIfNull(synthesized);
        foreach (var statement in PolicyStatementInfo.In(synthesized).Where(s => s.IsAllow))
        {
            foreach (var action in statement.Actions.Where(a => a.Contains('*', StringComparison.Ordinal)))
            {
                var whole = action == "*" || ServiceWide().IsMatch(action);
                if (whole && statement.IsKeyPolicy && action == "kms:*" && IsAccountRoot(statement.Statement["Principal"]))
                {
                    continue;
                }

                if (!whole && PrefixAllowed.ContainsKey(action))
                {
                    continue;
                }

                yield return new Violation(Name, statement.LogicalId, whole
                    ? $"allows {action}"
                    : $"allows the partial wildcard {action} (list the actions, or give the reason in NoWildcardActions.PrefixAllowed)");
            }
        }
    }

    private static bool IsAccountRoot(JsonNode? principal) =>
        principal?["AWS"] is { } aws && aws.ToJsonString().Contains(":root", StringComparison.Ordinal);

    [GeneratedRegex(@"^[a-z0-9-]+:\*$")]
    private static partial Regex ServiceWide();
}
