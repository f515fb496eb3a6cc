using Portal.Cdk.Tests.Support;

namespace Portal.Cdk.Tests.Guardrails;

/// <summary>A policy statement found in a template, with where it was found.</summary>
public sealed record PolicyStatementInfo(string LogicalId, string ResourceType, JsonObject Statement)
{
    public bool IsAllow => Statement["Effect"].AsText() == "Allow";

    public IReadOnlyList<string> Actions => [.. Statement["Action"].AsList().OfType<JsonValue>().Select(a => (string)a!)];

    /// <summary>Resources that are the literal <c>*</c>.</summary>
    public bool HasStarResource => Statement["Resource"].AsList().Any(r => r is JsonValue v && v.TryGetValue<string>(out var s) && s == "*");

    public bool IsKeyPolicy => ResourceType == "AWS::KMS::Key";

    /// <summary>Every statement of identity policies, inline role policies, bucket policies and key policies.</summary>
    public static IEnumerable<PolicyStatementInfo> In(CfnTemplate template)
    {
        foreach (var (id, resource) in template.Resources)
        {
            var type = (string)resource!["Type"]!;
            var properties = resource["Properties"] as JsonObject;
            var documents = type switch
            {
                "AWS::IAM::Policy" or "AWS::IAM::ManagedPolicy" or "AWS::S3::BucketPolicy" or "AWS::SQS::QueuePolicy" => [properties?["PolicyDocument"]],
                "AWS::IAM::Role" => [.. properties?["Policies"].AsList().Select(p => p["PolicyDocument"]) ?? []],
                "AWS::KMS::Key" => [properties?["KeyPolicy"]],
                _ => Array.Empty<JsonNode?>(),
            };
            foreach (var statement in documents.SelectMany(d => d?[nameof(Statement)].AsList() ?? []))
            {
                yield return new PolicyStatementInfo(id, type, statement.AsObject());
            }
        }
    }
}
