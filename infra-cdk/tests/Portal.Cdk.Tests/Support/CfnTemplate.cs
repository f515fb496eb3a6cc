namespace Portal.Cdk.Tests.Support;

/// <summary>A synthesized CloudFormation template as JSON, with the lookups the tests need.</summary>
public sealed class CfnTemplate(string name, JsonObject json)
{
    public string Name { get; } = name;

    public JsonObject Json { get; } = json;

    public JsonObject Parameters => Json[nameof(Parameters)] as JsonObject ?? [];

    public JsonObject Resources => Json[nameof(Resources)] as JsonObject ?? [];

    public JsonObject Outputs => Json[nameof(Outputs)] as JsonObject ?? [];

    public JsonObject Conditions => Json[nameof(Conditions)] as JsonObject ?? [];

    public IReadOnlyList<string> ParameterNames => [.. Parameters.Select(p => p.Key)];

    public IEnumerable<KeyValuePair<string, JsonObject>> ResourcesOfType(string type) =>
        Resources.Where(r => (string?)r.Value!["Type"] == type).Select(r => new KeyValuePair<string, JsonObject>(r.Key, r.Value!.AsObject()));

    public JsonObject OnlyResource(string type) => Assert.Single(ResourcesOfType(type)).Value;

    public JsonObject Properties(string logicalId) => Resources[logicalId]!["Properties"]!.AsObject();

    /// <summary>Export name to the output's value expression.</summary>
    public IReadOnlyDictionary<string, JsonNode?> Exports =>
        Outputs.Where(o => o.Value!["Export"] is not null)
            .ToDictionary(o => (string)o.Value!["Export"]![nameof(Name)]!, o => o.Value!["Value"]);

    /// <summary>Every export name this template imports.</summary>
    public IReadOnlySet<string> Imports =>
        Json.Descendants().OfType<JsonObject>()
            .Where(o => o.Count == 1 && o["Fn::ImportValue"] is JsonValue)
            .Select(o => (string)o["Fn::ImportValue"]!)
            .ToHashSet();

    public override string ToString() => Name;
}
