using Microsoft.Extensions.Options;
using Portal.Domain.Cloud;
using Portal.Domain.Quotas;
using Portal.Domain.Regions;

namespace Portal.Infra.Sandbox;

/// <summary>
/// The sandbox's service quotas: the same value in every region, from <c>Sandbox:ServiceQuotas:&lt;code&gt;</c> (for
/// example <c>Sandbox:ServiceQuotas:L-1216C47A = 64</c>), with SageMaker's notebook-instance quota (any type) under
/// <c>Sandbox:ServiceQuotas:NotebookInstances</c>. Unset quotas take roughly AWS's defaults for a young account
/// (<see cref="SandboxOptions.DefaultServiceQuotas"/>). Nothing is asked of AWS; every quota is adjustable.
/// </summary>
internal sealed class SandboxServiceQuotaSource(IOptions<SandboxOptions> options) : IServiceQuotaSource
{
    public Task<ServiceQuotaValue?> GetServiceQuotaAsync(RegionCode region, string serviceCode, string quotaCode, CancellationToken cancellationToken)
    {
        var name = Known().FirstOrDefault(k => k.QuotaCode == quotaCode && k.ServiceCode == serviceCode)?.Name;
        return Task.FromResult(name is not null && ValueOf(quotaCode) is { } value
            ? new ServiceQuotaValue(region, serviceCode, quotaCode, name, value, Adjustable: true)
            : null);
    }

    public Task<ServiceQuotaValue?> FindServiceQuotaByNameAsync(RegionCode region, string serviceCode, string quotaName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(quotaName);
        return Task.FromResult(serviceCode == "sagemaker" && ServiceQuotaCodes.IsNotebookInstanceQuota(quotaName) && ValueOf(SandboxOptions.NotebookInstancesQuota) is { } value
            ? new ServiceQuotaValue(region, serviceCode, SandboxOptions.NotebookInstancesQuota, quotaName, value, Adjustable: true)
            : null);
    }

    private double? ValueOf(string key) =>
        options.Value.ServiceQuotas.TryGetValue(key, out var configured) ? configured
        : SandboxOptions.DefaultServiceQuotas.TryGetValue(key, out var standard) ? standard
        : null;

    private static IEnumerable<ServiceQuotaKey> Known() =>
        [ServiceQuotaCodes.Ec2OnDemandStandardVcpus, ServiceQuotaCodes.FargateVcpus, ServiceQuotaCodes.ElasticIps];
}
