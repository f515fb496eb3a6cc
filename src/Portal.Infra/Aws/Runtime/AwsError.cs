using System.Net.Http.Headers;
using System.Text.Json;
using System.Xml;
using System.Xml.Linq;

namespace Portal.Infra.Aws.Runtime;

/// <summary>An error as a service reported it, read from either protocol's format.</summary>
internal sealed record AwsError(string Code, string Message, string? RequestId)
{
    /// <summary>
    /// Where AWS starts echoing the request it expected. A bad signature is answered with the canonical request and the
    /// string to sign, session token (<c>x-amz-security-token:…</c>) included; the message reaches the session timeline
    /// and the logs, so only what comes before any of these is kept.
    /// </summary>
    private static readonly string[] EchoMarkers =
    [
        "\n\n", "\r\n\r\n", "The Canonical String", "Canonical String", "CanonicalRequest", "Canonical Request",
        "The String-to-Sign", "String-to-Sign", "StringToSign", "x-amz-security-token", "AWS4-HMAC-SHA256",
    ];

    /// <summary>
    /// Reads an error body: the query protocol's <c>&lt;ErrorResponse&gt;&lt;Error&gt;&lt;Code&gt;</c> or JSON 1.1's
    /// <c>__type</c> (or the <c>x-amzn-ErrorType</c> header). Without a readable body the code comes from the status.
    /// </summary>
    public static AwsError Parse(int statusCode, string body, HttpResponseHeaders? headers)
    {
        var requestId = Header(headers, "x-amzn-RequestId") ?? Header(headers, "x-amz-request-id");
        string? code = null;
        string? message = null;
        var trimmed = body.AsSpan().TrimStart();
        if (trimmed.StartsWith("{"))
        {
            (code, message) = FromJson(body);
        }
        else if (trimmed.StartsWith("<"))
        {
            string? bodyRequestId;
            (code, message, bodyRequestId) = FromXml(body);
            requestId ??= bodyRequestId;
        }

        code ??= Header(headers, "x-amzn-ErrorType");
        code = Sanitize(code) ?? FromStatus(statusCode);
        message = FirstParagraph(message);
        return new AwsError(code, string.IsNullOrWhiteSpace(message) ? code : message, requestId);
    }

    /// <summary>The message up to its first blank line or echoed request text, trimmed.</summary>
    internal static string? FirstParagraph(string? message)
    {
        if (message is null)
        {
            return null;
        }

        var end = message.Length;
        foreach (var marker in EchoMarkers)
        {
            var at = message.IndexOf(marker, StringComparison.OrdinalIgnoreCase);
            if (at >= 0 && at < end)
            {
                end = at;
            }
        }

        return message[..end].Trim();
    }

    /// <summary>JSON 1.1 codes may arrive as <c>aws.protocoltests#FooError</c> or <c>FooError:http://...</c>.</summary>
    private static string? Sanitize(string? code)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return null;
        }

        var colon = code.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0)
        {
            code = code[..colon];
        }

        var hash = code.LastIndexOf('#');
        return hash >= 0 ? code[(hash + 1)..] : code;
    }

    /// <summary>
    /// A code for a body that names none. 429 gets no throttling code (it reads <c>Http429</c>): the SDKs retry on the
    /// code a service sends, not on the status alone.
    /// </summary>
    private static string FromStatus(int statusCode) => statusCode switch
    {
        400 => "BadRequest",
        403 => "AccessDenied",
        404 => "NotFound",
        413 => "RequestEntityTooLarge",
        503 => "ServiceUnavailable",
        >= 500 => "InternalFailure",
        _ => "Http" + statusCode,
    };

    private static (string? Code, string? Message) FromJson(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (null, null);
            }

            var code = String(root, "__type") ?? String(root, "code") ?? String(root, "Code");
            var message = String(root, "message") ?? String(root, "Message") ?? String(root, "errorMessage");
            return (code, message);
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }

    private static (string? Code, string? Message, string? RequestId) FromXml(string body)
    {
        try
        {
            var document = XDocument.Parse(body);
            var error = document.Descendants().FirstOrDefault(e => e.Name.LocalName == "Error");
            var requestId = document.Descendants().FirstOrDefault(e => e.Name.LocalName is "RequestId" or "RequestID")?.Value;
            return (Child(error, "Code"), Child(error, "Message"), requestId);
        }
        catch (XmlException)
        {
            return (null, null, null);
        }
    }

    private static string? Child(XElement? parent, string name) =>
        parent?.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value;

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string? Header(HttpResponseHeaders? headers, string name) =>
        headers is not null && headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
