using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Portal.Domain.Cloud;
using Portal.Domain.Costs;
using Portal.Domain.Datasets;
using Portal.Domain.LaunchPlans;
using Portal.Domain.Regions;
using Portal.Domain.Sessions;
using Portal.Infra.Map;
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
        services.AddSingleton(RegionCatalog.Default);
        services.AddSingleton(DatasetCatalog.Default);
        services.AddSingleton(LaunchSettings.Default);
        services.AddSingleton<SessionRequestValidator>();
        services.AddSingleton<LaunchPlanner>();
        services.AddSingleton<CostEstimator>();
        services.AddSingleton<ISessionStore>(store);
        services.AddSingleton<IPriceSource, BundledPriceSource>();
        services.AddSingleton<INotebookService, UnusedNotebookService>();
        services.AddSingleton<SessionChangeNotifier>();
        services.AddSingleton(Options.Create(new OrchestrationOptions()));
        services.AddSingleton(NullLoggerFactory.Instance);
        services.AddSingleton(typeof(Microsoft.Extensions.Logging.ILogger<>), typeof(NullLogger<>));
        services.AddSingleton(Options.Create(new Portal.Infra.Regions.FoundationOptions { RequireForSessions = false }));
        services.AddSingleton<Portal.Infra.Regions.FoundationReadiness>();
        services.AddSingleton<IStackDeployer, UnusedStackDeployer>();
        services.AddSingleton<SessionService>();
        services.AddSingleton(Geometry.Value);
        services.AddSingleton(new CloudInfo("Sandbox", IsSandbox: true));
        return store;
    }

    private sealed class UnusedStackDeployer : IStackDeployer
    {
        public Task<CreateOutcome> CreateStackAsync(StackCreateRequest request, CancellationToken cancellationToken) => throw new InvalidOperationException("Not used by these tests.");

        public Task<StackDescription?> DescribeStackAsync(RegionCode region, string stackName, CancellationToken cancellationToken) => throw new InvalidOperationException("Not used by these tests.");

        public Task<IReadOnlyList<StackEvent>> DescribeStackEventsAsync(RegionCode region, string stackName, CancellationToken cancellationToken) => throw new InvalidOperationException("Not used by these tests.");

        public Task DeleteStackAsync(RegionCode region, string stackName, string clientRequestToken, CancellationToken cancellationToken) => throw new InvalidOperationException("Not used by these tests.");
    }

    private sealed class UnusedNotebookService : INotebookService
    {
        public Task<CreateOutcome> CreateNotebookInstanceAsync(NotebookInstanceRequest request, CancellationToken cancellationToken) => throw new InvalidOperationException("Not used by these tests.");

        public Task<NotebookInstanceDescription?> DescribeNotebookInstanceAsync(RegionCode region, string instanceName, CancellationToken cancellationToken) => throw new InvalidOperationException("Not used by these tests.");

        public Task<Uri> CreatePresignedUrlAsync(RegionCode region, string instanceName, TimeSpan sessionExpiry, CancellationToken cancellationToken) =>
            Task.FromResult(new Uri($"/sandbox/notebooks/{region}/{instanceName}?authToken=t", UriKind.Relative));

        public Task StopNotebookInstanceAsync(RegionCode region, string instanceName, CancellationToken cancellationToken) => throw new InvalidOperationException("Not used by these tests.");

        public Task DeleteNotebookInstanceAsync(RegionCode region, string instanceName, CancellationToken cancellationToken) => throw new InvalidOperationException("Not used by these tests.");
    }
}
