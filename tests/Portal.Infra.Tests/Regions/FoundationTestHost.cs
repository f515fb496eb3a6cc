using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Portal.Domain.Cloud;
using Portal.Domain.Regions;
using Portal.Domain.Sessions;
using Portal.Infra.Sandbox;
using Portal.Infra.Tests.Support;

namespace Portal.Infra.Tests.Regions;

/// <summary>
/// The portal's infrastructure as AddPortalInfra composes it, on the sandbox cloud and a fake clock, with the stack
/// deployer recorded. Stacks whose name contains <c>region-us-west-2</c> fail, to try the failure path.
/// </summary>
internal sealed class FoundationTestHost : IAsyncDisposable
{
    public static readonly Actor Grace = new("grace", isAdmin: true);
    public static readonly Actor Ada = new("ada", isAdmin: false);
    public static readonly RegionCode UsEast1 = RegionCode.Parse("us-east-1");
    public static readonly RegionCode UsWest2 = RegionCode.Parse("us-west-2");

    /// <summary>Past the sandbox's default create duration (4 s).</summary>
    public static readonly TimeSpan PastCreate = TimeSpan.FromSeconds(5);

    /// <summary>Past the sandbox's default delete duration (3 s).</summary>
    public static readonly TimeSpan PastDelete = TimeSpan.FromSeconds(4);

    private FoundationTestHost(InfraTestHost host)
    {
        Host = host;
        Deployer = (RecordingStackDeployer)host.Services.GetRequiredService<IStackDeployer>();
    }

    public InfraTestHost Host { get; }

    public RecordingStackDeployer Deployer { get; }

    public IRegionFoundations Service => Host.Services.GetRequiredService<IRegionFoundations>();

    public static async Task<FoundationTestHost> CreateAsync(CancellationToken cancellationToken) =>
        new(await InfraTestHost.CreateAsync(
            cancellationToken,
            new Dictionary<string, string?> { ["Sandbox:FailStacksContaining"] = "region-us-west-2" },
            services => services.Replace(ServiceDescriptor.Singleton<IStackDeployer>(sp => new RecordingStackDeployer(sp.GetRequiredService<SandboxCloud>())))));

    public async Task<RegionFoundationState> GetAsync(RegionCode region, CancellationToken cancellationToken) =>
        await Service.GetAsync(Grace, region, cancellationToken) ?? throw new InvalidOperationException($"{region} is not a worker region.");

    /// <summary>Creates the region's foundation and lets the sandbox finish it.</summary>
    public async Task CreateReadyAsync(RegionCode region, CancellationToken cancellationToken)
    {
        await Service.CreateAsync(Grace, region, cancellationToken);
        Host.Clock.Advance(PastCreate);
    }

    public async Task<SandboxResource> StoredStackAsync(string name, CancellationToken cancellationToken)
    {
        await using var db = await Host.CreateDbContextAsync(cancellationToken);
        return await db.SandboxResources.SingleAsync(r => r.Name == name, cancellationToken);
    }

    public async Task<int> StackCountAsync(string name, CancellationToken cancellationToken)
    {
        await using var db = await Host.CreateDbContextAsync(cancellationToken);
        return await db.SandboxResources.CountAsync(r => r.Name == name, cancellationToken);
    }

    /// <summary>Moves a session to Stopped through the domain, as the orchestrator does once its resources are gone.</summary>
    public async Task StopSessionAsync(SessionId id, CancellationToken cancellationToken)
    {
        var now = Host.Clock.GetUtcNow();
        await Host.Store.UpdateAsync(id, s =>
        {
            s.RequestStop(now, "Stopped by a test.");
            foreach (var step in s.Steps.Where(step => step.Status == StepStatus.Deleting))
            {
                s.MarkStepDeleted(step.ResourceName, now);
            }

            s.MarkStopped(now);
        }, cancellationToken);
    }

    public ValueTask DisposeAsync() => Host.DisposeAsync();
}
