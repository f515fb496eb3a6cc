using Portal.Domain.Regions;

namespace Portal.Domain.Cloud;

/// <summary>The cloud's own service quotas (as opposed to the portal's quotas per user), for the headroom checks.</summary>
public interface IServiceQuotaSource
{
    /// <summary>The quota's applied value in a region, or null when the service has no such quota there.</summary>
    Task<ServiceQuotaValue?> GetServiceQuotaAsync(RegionCode region, string serviceCode, string quotaCode, CancellationToken cancellationToken);

    /// <summary>
    /// The quota of a service whose name is <paramref name="quotaName"/> in a region (for quotas whose code is not known
    /// in advance, such as SageMaker's per-instance-type notebook quotas), or null when there is none.
    /// </summary>
    Task<ServiceQuotaValue?> FindServiceQuotaByNameAsync(RegionCode region, string serviceCode, string quotaName, CancellationToken cancellationToken);
}

/// <summary>One service quota as the cloud reports it.</summary>
/// <param name="ServiceCode">E.g. <c>ec2</c>, <c>fargate</c>, <c>sagemaker</c>.</param>
/// <param name="QuotaCode">E.g. <c>L-3032A538</c> (Fargate On-Demand vCPU resource count).</param>
/// <param name="Value">The limit in force in the region.</param>
/// <param name="Adjustable">True when an increase can be requested.</param>
public sealed record ServiceQuotaValue(RegionCode Region, string ServiceCode, string QuotaCode, string Name, double Value, bool Adjustable);
