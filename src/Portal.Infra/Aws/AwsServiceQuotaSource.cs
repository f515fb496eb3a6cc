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

    public async Task<ServiceQuotaValue?> FindServiceQuotaByNameAsync(
        RegionCode region, string serviceCode, string quotaName, CancellationToken cancellationToken)
    {
        try
        {
            string? next = null;
            do
            {
                var page = await clients.ForRegion(region).ListServiceQuotasAsync(
                    new ListServiceQuotasRequest { ServiceCode = serviceCode, NextToken = next, MaxResults = 100 }, cancellationToken);
                if (page.Quotas?.FirstOrDefault(q => string.Equals(q.QuotaName, quotaName, StringComparison.OrdinalIgnoreCase)) is { Value: { } value } quota)
                {
                    return new ServiceQuotaValue(region, serviceCode, quota.QuotaCode ?? quotaName, quota.QuotaName ?? quotaName, value, quota.Adjustable ?? false);
                }

                next = page.NextToken;
            }
            while (!string.IsNullOrEmpty(next));

            return null;
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
