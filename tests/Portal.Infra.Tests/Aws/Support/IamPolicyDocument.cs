using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Portal.Infra.Tests.Aws.Support;

/// <summary>
/// deploy/iam/portal-policy.json, read as IAM evaluates an allow-only identity policy: a request is allowed when one
/// statement names its action, has a resource pattern that matches its resource, and every condition holds.
/// </summary>
public sealed class IamPolicyDocument
{
    /// <summary>The operator's substitutions (docs/aws.md, section 4), with sample values.</summary>
    public static readonly IReadOnlyDictionary<string, string> SampleSubstitutions = new Dictionary<string, string>
    {
        ["ACCOUNT_ID"] = "123456789012",
        ["TEMPLATES_BUCKET"] = "portal-templates-123456789012",
        ["TEMPLATES_REGION"] = "eu-west-2",
    };

    private static readonly Lazy<string> Text = new(() => File.ReadAllText(RepositoryFiles.Find("deploy/iam/portal-policy.json")));

    private IamPolicyDocument(JsonObject root) => Root = root;

    public JsonObject Root { get; }

    public IReadOnlyList<JsonObject> Statements => Root["Statement"]!.AsArray().Select(n => n!.AsObject()).ToList();

    /// <summary>The file as it is in the repository, placeholders and all.</summary>
    public static IamPolicyDocument AsWritten() => new(JsonNode.Parse(Text.Value)!.AsObject());

    /// <summary>The file after the operator's <c>sed</c> with <see cref="SampleSubstitutions"/>.</summary>
    public static IamPolicyDocument AsDeployed()
    {
        var text = Text.Value;
        foreach (var (placeholder, value) in SampleSubstitutions)
        {
            text = text.Replace(placeholder, value, StringComparison.Ordinal);
        }

        return new(JsonNode.Parse(text)!.AsObject());
    }

    public static List<string> Actions(JsonObject statement) => Strings(statement["Action"]);

    public static List<string> Resources(JsonObject statement) => Strings(statement["Resource"]);

    /// <summary>The values of one condition, e.g. <c>("StringLike", "cloudformation:TemplateUrl")</c>; empty when absent.</summary>
    public static List<string> Condition(JsonObject statement, string conditionOperator, string key) =>
        Strings(statement["Condition"]?[conditionOperator]?[key]);

    /// <summary>True when some statement allows <paramref name="action"/> on <paramref name="resource"/> with this request context.</summary>
    public bool Allows(string action, string resource, IReadOnlyDictionary<string, string> context) =>
        Statements.Any(s => Actions(s).Contains(action)
                            && Resources(s).Any(pattern => Matches(pattern, resource))
                            && ConditionsHold(s, context));

    /// <summary>IAM's wildcard match: <c>*</c> is any run of characters (slashes and dots included), <c>?</c> any one.</summary>
    public static bool Matches(string pattern, string value) =>
        Regex.IsMatch(value, "^" + Regex.Escape(pattern).Replace("\\*", ".*", StringComparison.Ordinal).Replace("\\?", ".", StringComparison.Ordinal) + "$", RegexOptions.Singleline);

    /// <summary>Every condition of the statement, under StringEquals and StringLike; a key the request lacks fails.</summary>
    public static bool ConditionsHold(JsonObject statement, IReadOnlyDictionary<string, string> context)
    {
        ArgumentNullException.ThrowIfNull(statement);
        ArgumentNullException.ThrowIfNull(context);
        foreach (var (conditionOperator, block) in statement["Condition"]?.AsObject() ?? [])
        {
            foreach (var (key, values) in block!.AsObject())
            {
                if (!context.TryGetValue(key, out var actual))
                {
                    return false;
                }

                var allowed = Strings(values);
                var holds = conditionOperator switch
                {
                    "StringEquals" => allowed.Contains(actual),
                    "StringLike" => allowed.Any(pattern => Matches(pattern, actual)),
                    _ => throw new NotSupportedException($"The policy uses {conditionOperator}; teach this reader what it means."),
                };
                if (!holds)
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static List<string> Strings(JsonNode? node) => node switch
    {
        JsonArray array => array.Select(n => (string)n!).ToList(),
        JsonValue value when value.GetValueKind() == JsonValueKind.String => [(string)value!],
        _ => [],
    };
}
