namespace Portal.Cdk.Tests.Support;

internal static class JsonNodeExtensions
{
    /// <summary>Every node below this one, depth first.</summary>
    public static IEnumerable<JsonNode> Descendants(this JsonNode node)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (_, child) in o)
                {
                    if (child is null)
                    {
                        continue;
                    }

                    yield return child;
                    foreach (var d in child.Descendants())
                    {
                        yield return d;
                    }
                }

                break;
            case JsonArray a:
                foreach (var child in a)
                {
                    if (child is null)
                    {
                        continue;
                    }

                    yield return child;
                    foreach (var d in child.Descendants())
                    {
                        yield return d;
                    }
                }

                break;
        }
    }

    /// <summary>A JSON value that may be one item or a list, as IAM and CloudFormation allow.</summary>
    public static IReadOnlyList<JsonNode> AsList(this JsonNode? node) => node switch
    {
        null => [],
        JsonArray a => [.. a.Where(n => n is not null).Select(n => n!)],
        _ => [node],
    };

    /// <summary>The node as a string when it is one; null for objects (intrinsic functions), lists and other values.</summary>
    public static string? AsText(this JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    /// <summary>True for the JSON value true or the text "true" (CloudFormation accepts both).</summary>
    public static bool IsTrue(this JsonNode? node) =>
        node is JsonValue value
        && ((value.TryGetValue<bool>(out var flag) && flag) || (value.TryGetValue<string>(out var text) && text == "true"));
}
