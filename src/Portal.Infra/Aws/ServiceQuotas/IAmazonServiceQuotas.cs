namespace Portal.Infra.Aws.ServiceQuotas;

/// <summary>The Service Quotas operations the portal uses, shaped like the SDK's <c>IAmazonServiceQuotas</c>.</summary>
public interface IAmazonServiceQuotas
{
    Task<GetServiceQuotaResponse> GetServiceQuotaAsync(GetServiceQuotaRequest request, CancellationToken cancellationToken = default);

    Task<ListServiceQuotasResponse> ListServiceQuotasAsync(ListServiceQuotasRequest request, CancellationToken cancellationToken = default);
}
