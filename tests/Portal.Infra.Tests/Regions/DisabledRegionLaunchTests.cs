using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Portal.Domain.Audit;
using Portal.Domain.Cloud;
using Portal.Domain.Regions;
using Portal.Domain.Sessions;
using Portal.Infra.Regions;
using Portal.Infra.Tests.Quotas;
using Portal.Infra.Tests.Support;

namespace Portal.Infra.Tests.Regions;

/// <summary>
/// A launch that would put workers in a region an admin disabled is refused through the session use case before any cloud
/// call (no stack, no notebook, no quota read, no session, even after the orchestrator runs), naming the region, and audited.
/// The sample launch (FirstRun) puts workers in us-east-1 (ERA5) and us-west-2 (CMIP6).
/// </summary>
public sealed class DisabledRegionLaunchTests
{
    private static readonly Actor Ada = new("local:ada", "ada", isAdmin: false);
    private static readonly Actor Grace = new("local:grace", "grace", isAdmin: true);
    private static readonly RegionCode UsEast1 = RegionCode.Parse("us-east-1");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(InfraTestHost Host, RecordingCloud Cloud)> HostAsync()
    {
        var cloud = new RecordingCloud();
        var host = await InfraTestHost.CreateAsync(Ct, configureServices: cloud.Register);
        _ = host.Services.GetRequiredService<IStackDeployer>();
        foreach (var service in host.Services.GetServices<IHostedService>().OfType<RegionStartup>())
        {
            await service.StartAsync(Ct);
        }

        return (host, cloud);
    }

    private static async Task<IReadOnlyList<AuditEntry>> EntriesAsync(InfraTestHost host) =>
        (await host.Services.GetRequiredService<IAuditLog>().ListAsync(new AuditFilter(), 0, 100, Ct)).Entries;

    [Fact]
    public async Task A_launch_into_a_disabled_region_is_refused_naming_it_creates_nothing_and_is_audited()
    {
        var (host, cloud) = await HostAsync();
        await using var _ = host;
        Assert.True((await host.Services.GetRequiredService<IRegionAdministration>().SetEnabledAsync(Grace, UsEast1, enabled: false, Ct)).Succeeded);

        var result = await host.Sessions.LaunchAsync(Ada, SampleRequests.FirstRun, Ct);
        await host.RunOnceAsync(Ct);

        var error = Assert.Single(result.Errors);
        Assert.Equal(SessionRequestField.Datasets, error.Field);
        Assert.Equal(
            "ERA5 reanalysis lives in us-east-1 (US East (N. Virginia)), a worker region an admin disabled: new sessions cannot run workers there. "
            + "Choose datasets in another worker region, or ask an admin to enable us-east-1.", error.Message);
        Assert.Null(result.SessionId);
        Assert.Empty(cloud.Stacks!.Creates);
        Assert.Empty(cloud.QuotaReads);
        Assert.Empty(await host.Sandbox.ListNotebookInstancesAsync(RegionCatalog.Default.Home.Code, "portal-", Ct));
        Assert.Empty(await host.Store.ListAsync(owner: null, Ct));
        var refused = Assert.Single(await EntriesAsync(host), e => e.Action == AuditActions.SessionLaunchRefused);
        Assert.Equal(("local:ada", error.Message), (refused.ActorId, refused.Detail));
    }

    [Fact]
    public async Task Another_instance_refuses_the_launch_too_though_its_admin_acted_on_the_first()
    {
        var (host, cloud) = await HostAsync();
        await using var _ = host;
        await using var other = await host.StartAnotherInstanceAsync(Ct);
        // The other instance has read the regions once, before the admin acted.
        Assert.True(other.Services.GetRequiredService<IRegionDirectory>().Current.RunsWorkersIn(UsEast1));

        await host.Services.GetRequiredService<IRegionAdministration>().SetEnabledAsync(Grace, UsEast1, enabled: false, Ct);
        var result = await other.Sessions.LaunchAsync(Ada, SampleRequests.FirstRun, Ct);

        Assert.Null(result.SessionId);
        Assert.Contains("a worker region an admin disabled", Assert.Single(result.Errors).Message, StringComparison.Ordinal);
        Assert.True(other.Services.GetRequiredService<IRegionDirectory>().Current.IsDisabled(UsEast1));
        Assert.Empty(cloud.Stacks!.Creates);
    }

    [Fact]
    public async Task A_session_running_there_is_not_touched_by_the_disable_and_once_enabled_again_launches_go_ahead()
    {
        var (host, cloud) = await HostAsync();
        await using var _ = host;
        var admin = host.Services.GetRequiredService<IRegionAdministration>();
        var running = await host.Sessions.LaunchAsync(Ada, SampleRequests.FirstRun, Ct);
        Assert.NotNull(running.SessionId);
        await host.RunOnceAsync(Ct);
        Assert.Contains(cloud.Stacks!.Creates, c => c.Region == UsEast1);

        await admin.SetEnabledAsync(Grace, UsEast1, enabled: false, Ct);
        await host.RunOnceAsync(Ct);
        Assert.Contains((await host.Store.FindAsync(running.SessionId.Value, Ct))!.State, new[] { SessionState.Provisioning, SessionState.Ready });

        await admin.SetEnabledAsync(Grace, UsEast1, enabled: true, Ct);
        var again = await host.Sessions.LaunchAsync(Ada, SampleRequests.FirstRun with { WorkersPerRegion = 1 }, Ct);

        Assert.Empty(again.Errors);
        Assert.NotNull(again.SessionId);
    }
}
