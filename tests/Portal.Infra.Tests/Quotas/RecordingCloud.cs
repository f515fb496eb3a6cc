using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Cloud;
using Portal.Domain.Regions;
using Portal.Infra.Sandbox;
using Portal.Infra.Tests.Regions;

namespace Portal.Infra.Tests.Quotas;

/// <summary>
/// Records every stack create (through <see cref="RecordingStackDeployer"/>) and every Service Quotas read, and can make
/// those reads fail, over the sandbox cloud the host composes.
/// </summary>
internal sealed class RecordingCloud
{
    public RecordingStackDeployer? Stacks { get; private set; }

    public ConcurrentQueue<string> QuotaReads { get; } = new();

    /// <summary>When set, every Service Quotas read throws it.</summary>
    public CloudOperationException? QuotaFailure { get; set; }

    public void Register(IServiceCollection services)
    {
        services.AddSingleton<IStackDeployer>(sp => Stacks = new RecordingStackDeployer(sp.GetRequiredService<SandboxCloud>()));
        services.AddSingleton<SandboxServiceQuotaSource>();
        services.AddSingleton<IServiceQuotaSource>(sp => new Source(this, sp.GetRequiredService<SandboxServiceQuotaSource>()));
    }

    private sealed class Source(RecordingCloud cloud, IServiceQuotaSource inner) : IServiceQuotaSource
    {
        public Task<ServiceQuotaValue?> GetServiceQuotaAsync(RegionCode region, string serviceCode, string quotaCode, CancellationToken cancellationToken)
        {
            cloud.QuotaReads.Enqueue($"{region}/{quotaCode}");
            return cloud.QuotaFailure is { } failure ? throw failure : inner.GetServiceQuotaAsync(region, serviceCode, quotaCode, cancellationToken);
        }

        public Task<ServiceQuotaValue?> FindServiceQuotaByNameAsync(RegionCode region, string serviceCode, string quotaName, CancellationToken cancellationToken)
        {
            cloud.QuotaReads.Enqueue($"{region}/{quotaName}");
            return cloud.QuotaFailure is { } failure ? throw failure : inner.FindServiceQuotaByNameAsync(region, serviceCode, quotaName, cancellationToken);
        }
    }
}
