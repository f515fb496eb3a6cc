using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Portal.Domain.Budgets;
using Portal.Domain.Cloud;
using Portal.Domain.Costs;
using Portal.Domain.Datasets;
using Portal.Domain.LaunchPlans;
using Portal.Domain.Regions;
using Portal.Domain.Sessions;
using Microsoft.AspNetCore.DataProtection;
using Portal.Domain;
using Portal.Infra.Budgets;
using Portal.Infra.Map;
using Portal.Infra.Notebooks;
using Portal.Infra.Reaper;
using Portal.Infra.Orchestration;
using Portal.Infra.Pricing;
using Portal.Infra.Sessions;

namespace Portal.Web.Tests.Support;

/// <summary>The services the explore and session pages inject: the real domain, prices and map, an in-memory store.</summary>
internal static class PortalServices
{
    private static readonly Lazy<WorldMapGeometry> Geometry = new(WorldMapGeometry.Load);

    public static InMemorySessionStore AddPortalPageServices(this IServiceCollection services, FakeTimeProvider clock)
    {
        var store = new InMemorySessionStore();
        services.AddSingleton<TimeProvider>(clock);
        // The real directory and administration over an in-memory store seeded with the default three regions.
        services.AddSingleton<IRegionStore, InMemoryRegionStore>();
        services.AddSingleton<Portal.Infra.Regions.RegionDirectory>();
        services.AddSingleton<IRegionDirectory>(sp => sp.GetRequiredService<Portal.Infra.Regions.RegionDirectory>());
        services.AddSingleton<IChangeFeed<RegionCatalog>>(sp => sp.GetRequiredService<Portal.Infra.Regions.RegionDirectory>());
        services.AddSingleton<IRegionAdministration, Portal.Infra.Regions.RegionAdministration>();
        services.AddSingleton(DatasetCatalog.Default);
        services.AddSingleton(LaunchSettings.Default);
        services.AddSingleton<SessionRequestValidator>();
        services.AddSingleton<DatasetAdvisor>();
        // The shipped CMIP6 store catalogue (3,502 stores, a few milliseconds to index), loaded once.
        services.AddSingleton(_ => new Portal.Domain.Datasets.Stores.Cmip6StoreCatalogue(Portal.Infra.Catalogue.ShippedStoreCatalogue.LoadIndex()));
        services.AddSingleton<Portal.Web.Components.Datasets.DatasetSearchCache>();
        services.AddSingleton<LaunchPlanner>();
        services.AddSingleton<CostEstimator>();
        services.AddSingleton(sp => new DataVolumeEstimator(sp.GetRequiredService<DatasetCatalog>(), sp.GetRequiredService<Portal.Domain.Datasets.Stores.Cmip6StoreCatalogue>()));
        services.AddSingleton<ISessionStore>(store);
        services.AddSingleton<ISessionLocalityStore, InMemorySessionLocalityStore>();
        services.AddSingleton<IPriceSource, BundledPriceSource>();
        services.AddSingleton<IPriceBookStatusSource>(sp => new BundledPriceStatus(sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<INotebookService, UnusedNotebookService>();
        services.AddSingleton<SessionChangeNotifier>();
        services.AddSingleton<IChangeFeed<SessionChange>>(sp => sp.GetRequiredService<SessionChangeNotifier>());
        services.AddDataProtection().UseEphemeralDataProtectionProvider();
        services.AddSingleton<NotebookWriter>();
        services.AddSingleton<SessionCostTokens>();
        services.AddSingleton<PortalUrls>();
        services.AddSingleton<SessionWorkSignal>();
        services.AddSingleton<IReapedResourceLog, NoReapedResources>();
        services.AddSingleton(Options.Create(new OrchestrationOptions()));
        services.AddSingleton(NullLoggerFactory.Instance);
        services.AddSingleton(typeof(Microsoft.Extensions.Logging.ILogger<>), typeof(NullLogger<>));
        services.AddSingleton(Options.Create(new Portal.Infra.Regions.FoundationOptions { RequireForSessions = false }));
        services.AddSingleton<Portal.Infra.Regions.FoundationReadiness>();
        services.AddSingleton<IStackDeployer, UnusedStackDeployer>();
        services.AddSingleton<Portal.Infra.Compute.IComputePlacement, Portal.Infra.Compute.CloudPlacement>();
        services.AddSingleton<IBudgetStore, InMemoryBudgetStore>();
        services.AddSingleton<BudgetLedger>();
        services.AddSingleton<IBudgetReports>(sp => sp.GetRequiredService<BudgetLedger>());
        services.AddSingleton(Options.Create(new BudgetOptions { AdminContact = "finops@example.org" }));
        services.AddSingleton<Portal.Domain.Audit.IAuditLog, InMemoryAuditLog>();
        services.AddSingleton<Portal.Domain.Audit.IRequestOrigin, Portal.Infra.Audit.SystemRequestOrigin>();
        services.AddSingleton<Portal.Infra.Audit.AuditTrail>();
        services.AddSingleton<Portal.Domain.Quotas.IPortalLimitStore, InMemoryPortalLimitStore>();
        services.AddSingleton(Options.Create(new Portal.Infra.Sandbox.SandboxOptions()));
        services.AddSingleton<IServiceQuotaSource, Portal.Infra.Sandbox.SandboxServiceQuotaSource>();
        services.AddSingleton<Portal.Infra.Quotas.QuotaService>();
        services.AddSingleton<Portal.Domain.Quotas.IQuotaService>(sp => sp.GetRequiredService<Portal.Infra.Quotas.QuotaService>());
        services.AddSingleton<SessionService>();
        services.AddSingleton<ISessionService>(sp => sp.GetRequiredService<SessionService>());
        services.AddSingleton<ISessionReports>(sp => sp.GetRequiredService<SessionService>());
        services.AddSingleton<IWorldMap>(Geometry.Value);
        services.AddSingleton(new CloudInfo("Sandbox", IsSandbox: true));
        return store;
    }

    private sealed class NoReapedResources : IReapedResourceLog
    {
        public Task AddAsync(ReapedResource resource, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task<IReadOnlyList<ReapedResource>> ListAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<ReapedResource>>([]);
    }

    private sealed class UnusedStackDeployer : IStackDeployer
    {
        public Task<CreateOutcome> CreateStackAsync(StackCreateRequest request, CancellationToken cancellationToken) => throw new InvalidOperationException("Not used by these tests.");

        public Task<StackDescription?> DescribeStackAsync(RegionCode region, string stackName, CancellationToken cancellationToken) => throw new InvalidOperationException("Not used by these tests.");

        public Task<IReadOnlyList<StackEvent>> DescribeStackEventsAsync(RegionCode region, string stackName, CancellationToken cancellationToken) => throw new InvalidOperationException("Not used by these tests.");

        public Task DeleteStackAsync(RegionCode region, string stackName, string clientRequestToken, CancellationToken cancellationToken) => throw new InvalidOperationException("Not used by these tests.");

        public Task<IReadOnlyList<StackSummary>> ListStacksAsync(RegionCode region, string namePrefix, CancellationToken cancellationToken) => throw new InvalidOperationException("Not used by these tests.");
    }

    private sealed class UnusedNotebookService : INotebookService
    {
        public Task<CreateOutcome> CreateNotebookInstanceAsync(NotebookInstanceRequest request, CancellationToken cancellationToken) => throw new InvalidOperationException("Not used by these tests.");

        public Task<NotebookInstanceDescription?> DescribeNotebookInstanceAsync(RegionCode region, string instanceName, CancellationToken cancellationToken) => throw new InvalidOperationException("Not used by these tests.");

        public Task<Uri> CreatePresignedUrlAsync(RegionCode region, string instanceName, TimeSpan sessionExpiry, CancellationToken cancellationToken) =>
            Task.FromResult(new Uri($"/sandbox/notebooks/{region}/{instanceName}?authToken=t", UriKind.Relative));

        public Task StopNotebookInstanceAsync(RegionCode region, string instanceName, CancellationToken cancellationToken) => throw new InvalidOperationException("Not used by these tests.");

        public Task DeleteNotebookInstanceAsync(RegionCode region, string instanceName, CancellationToken cancellationToken) => throw new InvalidOperationException("Not used by these tests.");

        public Task<IReadOnlyList<NotebookInstanceSummary>> ListNotebookInstancesAsync(RegionCode region, string namePrefix, CancellationToken cancellationToken) => throw new InvalidOperationException("Not used by these tests.");
    }
}

/// <summary>The bundled snapshot as the cost panel's price status (never live, so stale by its date).</summary>
internal sealed class BundledPriceStatus(TimeProvider clock) : IPriceBookStatusSource
{
    public Task<PriceBookStatus> GetStatusAsync(CancellationToken cancellationToken) =>
        Task.FromResult(PriceBookStatus.Of(BundledPriceSource.Load(), TimeSpan.FromDays(1), isLive: false, clock.GetUtcNow()));
}
