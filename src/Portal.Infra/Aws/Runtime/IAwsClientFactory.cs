using Portal.Domain.Regions;

namespace Portal.Infra.Aws.Runtime;

/// <summary>
/// Hands out a service client bound to one region, as the SDK's clients are (one client per region). Swapping in
/// an official <c>AWSSDK.*</c> package means returning its client here.
/// </summary>
public interface IAwsClientFactory<out TClient>
{
    TClient ForRegion(RegionCode region);
}

/// <summary>Builds the per-region client over the service's named <see cref="HttpClient"/>.</summary>
internal sealed class AwsClientFactory<TClient>(
    IHttpClientFactory httpClients,
    AwsEndpointResolver endpoints,
    AwsService service,
    Func<HttpClient, AwsService, Uri, string, TClient> create) : IAwsClientFactory<TClient>
{
    public TClient ForRegion(RegionCode region) =>
        create(httpClients.CreateClient(service.HttpClientName), service, endpoints.Resolve(service, region), region.Value);
}
