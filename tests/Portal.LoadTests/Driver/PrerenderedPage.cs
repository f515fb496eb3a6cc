using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Portal.LoadTests.Driver;

/// <summary>
/// What a prerendered page hands the browser for its circuit: the Server component markers
/// (<c>&lt;!--Blazor:{"type":"server",...}--&gt;</c>) and the persisted component state, if any.
/// </summary>
internal sealed partial record PrerenderedPage(IReadOnlyList<JsonObject> ServerMarkers, string ApplicationState)
{
    public static PrerenderedPage Parse(string html)
    {
        var markers = new List<JsonObject>();
        foreach (Match match in Marker().Matches(html))
        {
            if (JsonNode.Parse(match.Groups[1].Value) is JsonObject marker && (string?)marker["type"] == "server")
            {
                markers.Add(marker);
            }
        }

        var state = State().Match(html);
        return new PrerenderedPage(markers, state.Success ? state.Groups[1].Value : string.Empty);
    }

    /// <summary>
    /// The argument of <c>UpdateRootComponents</c> that blazor.web.js sends once the circuit is up: one "add" per
    /// marker, numbered from 1 as the browser numbers the components it found on the page.
    /// </summary>
    public string RootComponentOperations()
    {
        var operations = new JsonArray();
        for (var i = 0; i < ServerMarkers.Count; i++)
        {
            operations.Add(new JsonObject
            {
                ["type"] = "add",
                ["ssrComponentId"] = i + 1,
                ["marker"] = ServerMarkers[i].DeepClone(),
            });
        }

        return new JsonObject { ["batchId"] = 1, ["operations"] = operations }.ToJsonString();
    }

    [GeneratedRegex(@"<!--Blazor:(\{.*?\})-->", RegexOptions.Singleline)]
    private static partial Regex Marker();

    [GeneratedRegex(@"<!--Blazor-Server-Component-State:([A-Za-z0-9+/=]+)-->")]
    private static partial Regex State();
}
