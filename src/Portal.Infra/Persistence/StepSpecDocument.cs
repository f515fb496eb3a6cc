using System.Text.Json;
using Portal.Domain.Regions;
using Portal.Domain.Sessions;

namespace Portal.Infra.Persistence;

/// <summary>
/// The JSON shape a step's recorded <see cref="StepSpec"/> is stored in (one column: a recorded step never changes). The
/// notebook document is not in it: it is kept in its own table (<see cref="StepDocumentRecord"/>) and read only when
/// the instance is created, so loading a session on every pass does not load its notebook.
/// </summary>
internal sealed record StepSpecDocument(
    string Kind,
    string Region,
    string ResourceName,
    string Template,
    Dictionary<string, string> Parameters,
    Dictionary<string, string> Tags,
    string? Document,
    decimal HourlyUsd = 0m)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string Serialize(StepSpec spec) => JsonSerializer.Serialize(
        new StepSpecDocument(
            spec.Kind.ToString(),
            spec.Region.Value,
            spec.ResourceName,
            spec.Template,
            new Dictionary<string, string>(spec.Parameters, StringComparer.Ordinal),
            new Dictionary<string, string>(spec.Tags, StringComparer.Ordinal),
            null,
            spec.HourlyUsd),
        Json);

    public static StepSpec Deserialize(string json)
    {
        var doc = JsonSerializer.Deserialize<StepSpecDocument>(json, Json)
                  ?? throw new InvalidOperationException("A stored step is empty.");
        return new StepSpec(
            Enum.Parse<StepKind>(doc.Kind),
            RegionCode.Parse(doc.Region),
            doc.ResourceName,
            doc.Template,
            doc.Parameters,
            doc.Tags)
        {
            HourlyUsd = doc.HourlyUsd,
        };
    }
}
