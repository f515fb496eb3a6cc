using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace Portal.Infra.Aws.Runtime;

/// <summary>
/// The query protocol (CloudFormation): a form POST with <c>Action</c> and <c>Version</c>; the answer is
/// <c>&lt;ActionResponse&gt;&lt;ActionResult&gt;…</c>, a failure an <c>&lt;ErrorResponse&gt;</c>.
/// </summary>
internal sealed class AwsQueryTransport(HttpClient http, AwsService service, Uri endpoint, string region)
{
    public const string ContentType = "application/x-www-form-urlencoded; charset=utf-8";

    public string Region => region;

    /// <summary>Calls <paramref name="action"/> and returns its <c>&lt;ActionResult&gt;</c> element (empty when the answer has none).</summary>
    public async Task<(XElement Result, QueryResponseInfo Info)> InvokeAsync(
        string action, QueryParameters parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var body = parameters.ToFormBody(action, service.ApiVersion);
        using var message = new HttpRequestMessage(HttpMethod.Post, endpoint)
        {
            Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body)),
        };
        message.Content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
        message.WithAws(action, region, service.SigningName);

        using var response = await AwsTransport.SendAsync(http, message, action, region, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        XElement result;
        string? requestId = AwsTransport.RequestId(response);
        try
        {
            var document = XDocument.Parse(text);
            var root = document.Root ?? new XElement("Empty");
            result = root.Elements().FirstOrDefault(e => e.Name.LocalName == action + "Result") ?? new XElement(action + "Result");
            requestId ??= root.Descendants().FirstOrDefault(e => e.Name.LocalName == "RequestId")?.Value;
        }
        catch (XmlException ex)
        {
            throw new AwsServiceException("MalformedResponse", $"{action} in {region} answered with unreadable XML.", requestId, response.StatusCode, ex)
            {
                Operation = action,
                Region = region,
            };
        }

        return (result, new QueryResponseInfo(response.StatusCode, requestId));
    }
}

internal sealed record QueryResponseInfo(System.Net.HttpStatusCode StatusCode, string? RequestId);
