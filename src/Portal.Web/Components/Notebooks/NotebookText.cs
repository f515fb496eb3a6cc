using System.Text.Json;
using System.Text.RegularExpressions;
using Portal.Domain.Sessions;

namespace Portal.Web.Components.Notebooks;

/// <summary>What the notebook viewer shows of a generated notebook's text: secrets masked, the session it belongs to.</summary>
public static partial class NotebookText
{
    /// <summary>What a masked value reads as.</summary>
    public const string Hidden = "\"•••• (hidden)\"";

    private const string InstancePrefix = "portal-";

    /// <summary>
    /// Masks the value of every assignment to a secret-looking name (<c>PORTAL_COST_TOKEN = "…"</c>, <c>*_SECRET</c>,
    /// <c>*_PASSWORD</c>): the notebook still holds it when it runs, a person reading the page never needs it.
    /// </summary>
    public static string MaskSecrets(string source) =>
        SecretAssignment().Replace(source ?? string.Empty, "${lead}" + Hidden);

    /// <summary>
    /// The session a notebook belongs to: its metadata's <c>sessionId</c>, else the instance name <c>portal-&lt;session id&gt;</c>.
    /// </summary>
    public static SessionId? SessionIdOf(string? notebookJson, string? instanceName)
    {
        if (FromMetadata(notebookJson) is { } fromMetadata && SessionId.TryParse(fromMetadata, out var id))
        {
            return id;
        }

        return instanceName is not null
               && instanceName.StartsWith(InstancePrefix, StringComparison.Ordinal)
               && SessionId.TryParse(instanceName[InstancePrefix.Length..], out var fromName)
            ? fromName
            : null;
    }

    private static string? FromMetadata(string? notebookJson)
    {
        if (string.IsNullOrWhiteSpace(notebookJson))
        {
            return null;
        }

        try
        {
            // The portal writes metadata.portal.sessionId; a plain metadata.sessionId is read too.
            using var document = JsonDocument.Parse(notebookJson);
            var metadata = Property(document.RootElement, "metadata");
            return StringOf(Property(Property(metadata, "portal"), "sessionId")) ?? StringOf(Property(metadata, "sessionId"));
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static JsonElement? Property(JsonElement? element, string name) =>
        element is { ValueKind: JsonValueKind.Object } value && value.TryGetProperty(name, out var property) ? property : null;

    private static string? StringOf(JsonElement? element) =>
        element is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    [GeneratedRegex(@"^(?<lead>[ \t]*[A-Za-z_][A-Za-z0-9_]*(?:TOKEN|SECRET|PASSWORD)[ \t]*=[ \t]*)(?!=).*$", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex SecretAssignment();
}
