using Portal.Cdk.Tests.Support;

namespace Portal.Cdk.Tests.Guardrails;

/// <summary>
/// Resources that hold data say what happens to them when the stack deletes or replaces them (no silent CloudFormation
/// default), and log groups say how long they keep logs.
/// </summary>
public sealed class ExplicitRetention : IGuardrail
{
    public static IReadOnlySet<string> Stateful { get; } = new HashSet<string>
    {
        "AWS::S3::Bucket", "AWS::Logs::LogGroup", "AWS::RDS::DBInstance", "AWS::RDS::DBCluster", "AWS::FSx::FileSystem",
        "AWS::KMS::Key", "AWS::SecretsManager::Secret", "AWS::ECR::Repository", "AWS::DynamoDB::Table", "AWS::EFS::FileSystem",
    };

    public string Name => nameof(ExplicitRetention);

    public IEnumerable<Violation> Check(CfnTemplate synthesized)
    {
        ArgumentNullException.ThrowIfNull(synthesized);
        foreach (var (id, resource) in synthesized.Resources)
        {
            var type = (string)resource!["Type"]!;
            if (Stateful.Contains(type) && (resource["DeletionPolicy"] is null || resource["UpdateReplacePolicy"] is null))
            {
                yield return new Violation(Name, id, $"{type} without DeletionPolicy and UpdateReplacePolicy");
            }

            if (type == "AWS::Logs::LogGroup" && resource["Properties"]?["RetentionInDays"] is null)
            {
                yield return new Violation(Name, id, "log group keeps logs forever");
            }
        }
    }
}
