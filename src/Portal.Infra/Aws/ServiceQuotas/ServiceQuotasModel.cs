using Portal.Infra.Aws.Runtime;

namespace Portal.Infra.Aws.ServiceQuotas;

public sealed class GetServiceQuotaRequest
{
    public string? ServiceCode { get; set; }

    public string? QuotaCode { get; set; }

    public string? ContextId { get; set; }
}

public sealed class GetServiceQuotaResponse : AmazonWebServiceResponse
{
    public ServiceQuota? Quota { get; set; }
}

public sealed class ListServiceQuotasRequest
{
    public string? ServiceCode { get; set; }

    public string? NextToken { get; set; }

    /// <summary>1 to 100.</summary>
    public int? MaxResults { get; set; }

    public string? QuotaCode { get; set; }

    /// <summary>ACCOUNT, RESOURCE or ALL.</summary>
    public string? QuotaAppliedAtLevel { get; set; }
}

public sealed class ListServiceQuotasResponse : AmazonWebServiceResponse
{
    public IReadOnlyList<ServiceQuota>? Quotas { get; set; }

    public string? NextToken { get; set; }
}

public sealed class ServiceQuota
{
    public string? ServiceCode { get; set; }

    public string? ServiceName { get; set; }

    public string? QuotaArn { get; set; }

    public string? QuotaCode { get; set; }

    public string? QuotaName { get; set; }

    public double? Value { get; set; }

    public string? Unit { get; set; }

    public bool? Adjustable { get; set; }

    public bool? GlobalQuota { get; set; }

    public MetricInfo? UsageMetric { get; set; }

    public string? QuotaAppliedAtLevel { get; set; }

    public string? Description { get; set; }
}

public sealed class MetricInfo
{
    public string? MetricNamespace { get; set; }

    public string? MetricName { get; set; }

    public IReadOnlyDictionary<string, string>? MetricDimensions { get; set; }

    public string? MetricStatisticRecommendation { get; set; }
}
