using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Portal.Infra.Aws.Runtime;

/// <summary>
/// The JSON 1.1 protocol (SageMaker, FSx, Pricing, Service Quotas): POST to <c>/</c> with
/// <c>X-Amz-Target: &lt;prefix&gt;.&lt;Operation&gt;</c> and <c>application/x-amz-json-1.1</c>; errors carry <c>__type</c>.
/// </summary>
internal sealed class AwsJsonTransport(HttpClient http, AwsService service, Uri endpoint, string region)
{
    public const string ContentType = "application/x-amz-json-1.1";

    internal static readonly JsonSerializerOptions SerializerOptions = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        PropertyNamingPolicy = null,
        Converters = { new EpochSecondsConverter() },
    };

    public string Region => region;

    public async Task<TResponse> InvokeAsync<TRequest, TResponse>(string operation, TRequest request, CancellationToken cancellationToken)
        where TResponse : AmazonWebServiceResponse, new()
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(request, SerializerOptions);
        using var message = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new ByteArrayContent(body) };
        message.Content.Headers.ContentType = new MediaTypeHeaderValue(ContentType);
        message.Headers.TryAddWithoutValidation("X-Amz-Target", service.TargetPrefix + "." + operation);
        message.WithAws(operation, region, service.SigningName);

        using var response = await AwsTransport.SendAsync(http, message, operation, region, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        var result = string.IsNullOrWhiteSpace(text)
            ? new TResponse()
            : JsonSerializer.Deserialize<TResponse>(text, SerializerOptions) ?? new TResponse();
        result.HttpStatusCode = response.StatusCode;
        result.ResponseMetadata = new ResponseMetadata { RequestId = AwsTransport.RequestId(response) };
        return result;
    }
}
