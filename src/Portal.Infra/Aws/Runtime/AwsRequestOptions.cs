using Amazon.Runtime.Signing;

namespace Portal.Infra.Aws.Runtime;

/// <summary>The per-request facts the handlers read: which operation, and where to sign it for.</summary>
internal static class AwsRequestOptions
{
    public static readonly HttpRequestOptionsKey<string> Operation = new("Portal.Aws.Operation");
    public static readonly HttpRequestOptionsKey<string> Region = new(SigV4SigningHandler.RegionOptionKey);
    public static readonly HttpRequestOptionsKey<string> SigningService = new(SigV4SigningHandler.ServiceOptionKey);

    public static HttpRequestMessage WithAws(this HttpRequestMessage request, string operation, string region, string signingService)
    {
        request.Options.Set(Operation, operation);
        request.Options.Set(Region, region);
        request.Options.Set(SigningService, signingService);
        return request;
    }

    public static string OperationOf(HttpRequestMessage request) =>
        request.Options.TryGetValue(Operation, out var operation) ? operation : "Unknown";

    public static string RegionOf(HttpRequestMessage request) =>
        request.Options.TryGetValue(Region, out var region) ? region : "unknown";
}
