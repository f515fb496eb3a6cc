using System.Net;
using System.Text.Json.Serialization;

namespace Portal.Infra.Aws.Runtime;

/// <summary>The SDK's common response base: status and request id of the call.</summary>
public abstract class AmazonWebServiceResponse
{
    [JsonIgnore]
    public HttpStatusCode HttpStatusCode { get; set; }

    [JsonIgnore]
    public ResponseMetadata ResponseMetadata { get; set; } = new();
}

public sealed class ResponseMetadata
{
    public string? RequestId { get; set; }
}
