namespace Portal.Cdk.Tests.Support;

/// <summary>
/// Evaluates the intrinsic functions our templates use (Ref, Fn::Join, Fn::Split, Fn::Select, Fn::ImportValue,
/// Fn::Sub with plain names, and the condition and rule functions) the way CloudFormation would, so tests can check what a
/// template does with given parameters. Fn::Select out of range throws, as it fails a real deployment.
/// </summary>
internal sealed class Intrinsics(
    IReadOnlyDictionary<string, JsonNode> parameters,
    IReadOnlyDictionary<string, string>? imports = null,
    JsonObject? conditions = null)
{
    public const string Region = "us-east-1";
    public const string Account = "123456789012";

    public JsonNode? Evaluate(JsonNode? node)
    {
        switch (node)
        {
            case JsonArray array:
                return new JsonArray([.. array.Select(Evaluate)]);
            case JsonObject { Count: 1 } o when o.First().Key is var key && (key == "Ref" || key == "Condition" || key.StartsWith("Fn::", StringComparison.Ordinal)):
                return Function(key, o.First().Value);
            case JsonObject o:
                return new JsonObject(o.Select(p => KeyValuePair.Create(p.Key, Evaluate(p.Value))));
            default:
                return node?.DeepClone();
        }
    }

    public string Text(JsonNode? node) => Evaluate(node) switch
    {
        JsonValue v when v.TryGetValue<string>(out var text) => text,
        JsonValue v => v.ToJsonString(),
        _ => throw new InvalidOperationException($"{node} is not a value."),
    };

    public bool Condition(string name) => (bool)Evaluate(conditions![name])!;

    private JsonNode? Function(string name, JsonNode? arg)
    {
        var args = arg as JsonArray;
        return name switch
        {
            "Ref" => Reference((string)arg!),
            "Fn::ImportValue" => imports is not null && imports.TryGetValue(Text(arg), out var value)
                ? value
                : throw new InvalidOperationException($"Nothing exports {Text(arg)}."),
            "Fn::Join" => string.Join(Text(args![0]), List(args[1]).Select(n => (string)n!)),
            "Fn::Split" => new JsonArray([.. Text(args![1]).Split(Text(args[0])).Select(s => (JsonNode)s)]),
            "Fn::Select" => Select(int.Parse(Text(args![0]), System.Globalization.CultureInfo.InvariantCulture), List(args[1])),
            "Fn::Sub" when arg is JsonValue => Sub((string)arg!),
            "Fn::Equals" => Text(args![0]) == Text(args[1]),
            "Fn::Contains" => List(args![0]).Any(item => Text(item) == Text(args[1])),
            "Fn::Not" => !(bool)Evaluate(args![0])!,
            "Fn::And" => args!.All(a => (bool)Evaluate(a)!),
            "Fn::Or" => args!.Any(a => (bool)Evaluate(a)!),
            "Condition" => Condition((string)arg!),
            "Fn::GetAtt" => $"{args![0]}.{args[1]}",
            _ => throw new NotSupportedException($"{name} is not evaluated here."),
        };
    }

    private JsonArray List(JsonNode? node) => Evaluate(node) as JsonArray ?? throw new InvalidOperationException($"{node} is not a list.");

    private static JsonNode? Select(int index, JsonArray list) =>
        index < list.Count ? list[index]?.DeepClone() : throw new InvalidOperationException($"Fn::Select index {index} of a list of {list.Count}.");

    private JsonNode? Reference(string name) => name switch
    {
        "AWS::Region" => Region,
        "AWS::AccountId" => Account,
        "AWS::Partition" => "aws",
        "AWS::URLSuffix" => "amazonaws.com",
        _ when parameters.TryGetValue(name, out var value) => value.DeepClone(),
        _ => "ref:" + name,
    };

    private string Sub(string text)
    {
        foreach (var name in new[] { "AWS::Region", "AWS::AccountId", "AWS::Partition", "AWS::URLSuffix" }.Concat(parameters.Keys))
        {
            if (Reference(name) is JsonValue value)
            {
                text = text.Replace("${" + name + "}", (string)value!, StringComparison.Ordinal);
            }
        }

        return text;
    }
}
