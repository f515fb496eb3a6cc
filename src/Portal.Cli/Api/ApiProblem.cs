using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Portal.Cli.Api;

/// <summary>
/// Turns the API's RFC 9457 problem details into a message a person can act on: the title and detail, one line per
/// field error, and what to do next for the status. Only the problem's own text is shown: it never holds a credential.
/// </summary>
internal static class ApiProblem
{
    public static CliFailure ToFailure(int status, JsonElement? body, RetryConditionHeaderValue? retryAfter, Uri portal)
    {
        var problem = body is { ValueKind: JsonValueKind.Object } b ? b : (JsonElement?)null;
        var text = new StringBuilder();
        var title = Text(problem, "title") ?? DefaultTitle(status);
        var fieldErrors = FieldErrors(problem);
        text.Append(CultureInfo.InvariantCulture, $"{title} (HTTP {status})");
        // A validation problem's detail often repeats its one field message: then the field line says it.
        if (Text(problem, "detail") is { } detail && !string.Equals(detail, title, StringComparison.Ordinal) && !fieldErrors.Any(e => e.Message == detail))
        {
            text.Append(": ").Append(detail);
        }

        foreach (var (field, message) in fieldErrors)
        {
            text.AppendLine().Append(CultureInfo.InvariantCulture, $"  {field}: {message}");
        }

        if (problem is { } q && q.TryGetProperty("runningSession", out var running) && running.ValueKind == JsonValueKind.String)
        {
            text.AppendLine().Append(CultureInfo.InvariantCulture, $"  running session: {running.GetString()} ('portal sessions show {running.GetString()}'; launch with --allow-duplicate for another)");
        }

        if (Hint(status, retryAfter, portal) is { } hint)
        {
            text.AppendLine().Append(hint);
        }

        return new CliFailure(ExitCodes.ForStatus(status), text.ToString(), problem);
    }

    private static List<(string Field, string Message)> FieldErrors(JsonElement? problem)
    {
        var found = new List<(string, string)>();
        if (problem is { } p && p.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object)
        {
            foreach (var field in errors.EnumerateObject())
            {
                var messages = field.Value.ValueKind == JsonValueKind.Array
                    ? field.Value.EnumerateArray().Select(m => m.ToString())
                    : [field.Value.ToString()];
                found.AddRange(messages.Select(m => (field.Name, m)));
            }
        }

        return found;
    }

    private static string? Text(JsonElement? problem, string name) =>
        problem is { } p && p.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } s ? s : null;

    private static string DefaultTitle(int status) => status switch
    {
        400 => "Bad request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not found",
        409 => "Conflict",
        429 => "Too many requests",
        _ => status >= 500 ? "The portal failed" : "Unexpected answer",
    };

    private static string? Hint(int status, RetryConditionHeaderValue? retryAfter, Uri portal) => status switch
    {
        401 => $"The portal did not accept the token (unknown, expired or revoked): make a new one at {new Uri(portal, "account/tokens")} and run 'portal login' again.",
        429 when retryAfter?.Delta is { } delta => $"Try again in {Math.Ceiling(delta.TotalSeconds)} seconds.",
        429 => "Try again in a minute.",
        >= 500 => "The portal had a problem: try again later, or tell its operators if it goes on.",
        _ => null,
    };
}
