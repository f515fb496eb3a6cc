using Portal.Infra.Aws.Runtime;

namespace Portal.Infra.Aws.ServiceQuotas;

/// <summary>Service Quotas over JSON 1.1, for one region.</summary>
internal sealed class AmazonServiceQuotasClient(AwsJsonTransport transport) : IAmazonServiceQuotas
{
    public Task<GetServiceQuotaResponse> GetServiceQuotaAsync(GetServiceQuotaRequest request, CancellationToken cancellationToken = default) =>
        transport.InvokeAsync<GetServiceQuotaRequest, GetServiceQuotaResponse>("GetServiceQuota", request, cancellationToken);

    public Task<ListServiceQuotasResponse> ListServiceQuotasAsync(ListServiceQuotasRequest request, CancellationToken cancellationToken = default) =>
        transport.InvokeAsync<ListServiceQuotasRequest, ListServiceQuotasResponse>("ListServiceQuotas", request, cancellationToken);
}
