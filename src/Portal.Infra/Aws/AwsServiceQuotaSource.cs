using Microsoft.Extensions.Logging;
using Portal.Domain.Cloud;
using Portal.Domain.Regions;
using Portal.Infra.Aws.Runtime;
using Portal.Infra.Aws.ServiceQuotas;

namespace Portal.Infra.Aws;

/// <summary><see cref="IServiceQuotaSource"/> on the Service Quotas API.</summary>
internal sealed class AwsServiceQuotaSource(
    IAwsClientFactory<IAmazonServiceQuotas> clients,
    ILogger<AwsServiceQuotaSource> logger) : IServiceQuotaSource
{
    public async Task<ServiceQuotaValue?> GetServiceQuotaAsync(
        RegionCode region, string serviceCode, string quotaCode, CancellationToken cancellationToken)
    {
        try
        {
            var response = await clients.ForRegion(region).GetServiceQuotaAsync(
                new GetServiceQuotaRequest { ServiceCode = serviceCode, QuotaCode = quotaCode }, cancellationToken);
            var quota = response.Quota;
            return quota?.Value is null
                ? null
                : new ServiceQuotaValue(region, serviceCode, quotaCode, quota.QuotaName ?? quotaCode, quota.Value.Value, quota.Adjustable ?? false);
        }
        catch (AwsServiceException ex) when (ex.ErrorCode == "NoSuchResourceException")
        {
            return null;
        }
        catch (AwsServiceException ex)
        {
            AwsLog.OperationFailed(logger, ex.Operation, ex.Region, ex.ErrorCode, ex.RequestId);
            throw AwsErrorTranslator.Translate(ex);
        }
    }
}
