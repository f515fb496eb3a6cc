using System.Text.RegularExpressions;
using Portal.Cdk.Tests.Support;

namespace Portal.Cdk.Tests.Guardrails;

/// <summary>A policy statement found in a template, with where it was found.</summary>
public sealed partial record PolicyStatementInfo(string LogicalId, string ResourceType, JsonObject Statement)
{
    /// <summary>Condition keys that scope a statement to the portal's own resources by their tags.</summary>
    private static readonly string[] TagConditionPrefixes = ["aws:ResourceTag/", "aws:RequestTag/", "ec2:CreateAction"];

    public bool IsAllow => Statement["Effect"].AsText() == "Allow";

    public IReadOnlyList<string> Actions => [.. Statement["Action"].AsList().OfType<JsonValue>().Select(a => (string)a!)];

    /// <summary>Resources that are the literal <c>*</c>.</summary>
    public bool HasStarResource => Statement["Resource"].AsList().Any(r => r is JsonValue v && v.TryGetValue<string>(out var s) && s == "*");

    /// <summary>Each resource as deployed text, close enough to read an ARN's parts (see <see cref="Shape"/>).</summary>
    public IReadOnlyList<string> Resources => [.. Statement["Resource"].AsList().Select(Shape)];

    public bool IsKeyPolicy => ResourceType == "AWS::KMS::Key";

    /// <summary>True when a condition limits the statement to tagged resources or requests (attribute-based access).</summary>
    public bool IsScopedByTags =>
        Statement["Condition"] is JsonObject operators
        && operators.Any(o => o.Value is JsonObject keys && keys.Any(k => TagConditionPrefixes.Any(p => k.Key.StartsWith(p, StringComparison.Ordinal))));

    /// <summary>Every statement of identity policies, inline role policies, bucket policies and key policies.</summary>
    public static IEnumerable<PolicyStatementInfo> In(CfnTemplate template)
    {
        ArgumentNullException.ThrowIfNull(template);
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

    /// <summary>
    /// A resource expression as text: pseudo parameters become sample values and anything else computed (a reference,
    /// an import, a Sub variable) a placeholder word, never <c>*</c>, so only a <c>*</c> written in the template reads as one.
    /// </summary>
    public static string Shape(JsonNode? node) => node switch
    {
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        JsonObject o when o["Fn::Sub"] is JsonValue sub => SubShape((string)sub!),
        JsonObject o when o["Fn::Sub"] is JsonArray sub => SubShape((string)sub[0]!),
        JsonObject o when o["Fn::Join"] is JsonArray join => string.Join((string)join[0]!, join[1].AsList().Select(Shape)),
        JsonObject o when o["Ref"] is JsonValue reference => Pseudo((string)reference!) ?? "computed",
        _ => "computed",
    };

    private static string SubShape(string text) => SubVariable().Replace(text, m => Pseudo(m.Groups["name"].Value) ?? "computed");

    private static string? Pseudo(string name) => name switch
    {
        "AWS::Partition" => "aws",
        "AWS::AccountId" => "123456789012",
        "AWS::Region" => "region",
        "AWS::URLSuffix" => "amazonaws.com",
        _ => null,
    };

    [GeneratedRegex(@"\$\{(?<name>[^}]+)\}")]
    private static partial Regex SubVariable();
}
