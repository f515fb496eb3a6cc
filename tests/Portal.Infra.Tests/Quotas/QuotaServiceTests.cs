using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Audit;
using Portal.Domain.Quotas;
using Portal.Domain.Regions;
using Portal.Domain.Sessions;
using Portal.Infra.Tests.Support;

namespace Portal.Infra.Tests.Quotas;

/// <summary>The admin use cases of quotas: each change audited, every call checking the actor again.</summary>
public sealed class QuotaServiceTests
{
    private static readonly Actor Grace = new("local:grace", "grace", isAdmin: true);
    private static readonly Actor Ada = new("local:ada", "ada", isAdmin: false);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static IQuotaService Quotas(InfraTestHost host) => host.Services.GetRequiredService<IQuotaService>();

    private static async Task<IReadOnlyList<AuditEntry>> EntriesAsync(InfraTestHost host) =>
        (await host.Services.GetRequiredService<IAuditLog>().ListAsync(new AuditFilter(), 0, 100, Ct)).Entries;

    [Fact]
    public async Task An_admins_save_and_delete_are_each_audited_naming_the_scope()
    {
        await using var host = await InfraTestHost.CreateAsync(Ct);
        var limits = PortalLimits.Create(LimitScope.Group("Team X"), maxConcurrentSessions: 2, maxLifetimeHours: 8);

        var saved = await Quotas(host).SaveLimitsAsync(Grace, limits, Ct);
        var listed = await Quotas(host).ListLimitsAsync(Grace, Ct);
        var deleted = await Quotas(host).DeleteLimitsAsync(Grace, limits.Scope, Ct);

        Assert.True(saved.Succeeded);
        Assert.Equal(limits, Assert.Single(listed));
        Assert.True(deleted.Succeeded);
        Assert.Empty(await Quotas(host).ListLimitsAsync(Grace, Ct));
        var entries = await EntriesAsync(host);
        Assert.Equal([AuditActions.QuotaLimitDelete, AuditActions.QuotaLimitSave], entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.Equal(("local:grace", "portal-limits", "group:Team X"), (e.ActorId, e.ObjectType, e.ObjectId)));
        Assert.Equal(
            "Limits for group:Team X: concurrent sessions 2, workers per session not set, workers per region not set, lifetime hours 8, idle timeout not set to not set min.",
            entries[1].Detail);
    }

    [Fact]
    public async Task A_non_admin_is_refused_in_the_use_case_and_nothing_changes_or_is_shown()
    {
        await using var host = await InfraTestHost.CreateAsync(Ct);
        await Quotas(host).SaveLimitsAsync(Grace, PortalLimits.Create(LimitScope.Everyone, maxConcurrentSessions: 3), Ct);

        var save = await Quotas(host).SaveLimitsAsync(Ada, PortalLimits.Create(LimitScope.Everyone, maxConcurrentSessions: 100), Ct);
        var delete = await Quotas(host).DeleteLimitsAsync(Ada, LimitScope.Everyone, Ct);

        Assert.Equal((false, "Only a Portal.Admin can change portal limits."), (save.Succeeded, save.Message));
        Assert.False(delete.Succeeded);
        Assert.Equal(3, Assert.Single(await Quotas(host).ListLimitsAsync(Grace, Ct)).MaxConcurrentSessions);
        Assert.Empty(await Quotas(host).ListLimitsAsync(Ada, Ct));
        Assert.Empty(await Quotas(host).ReadServiceQuotasAsync(Ada, Ct));
        Assert.Single(await EntriesAsync(host));
    }

    [Fact]
    public async Task Service_quotas_show_each_regions_value_the_portals_use_and_the_headroom()
    {
        await using var host = await InfraTestHost.CreateAsync(Ct, new Dictionary<string, string?> { ["Sandbox:ServiceQuotas:L-1216C47A"] = "100" });
        Assert.True((await host.Sessions.LaunchAsync(Ada, SampleRequests.FirstRun, Ct)).Succeeded);

        var regions = await Quotas(host).ReadServiceQuotasAsync(Grace, Ct);

        Assert.Equal(RegionCatalog.Default.All.Select(r => r.Code), regions.Select(r => r.Region));
        var usWest2 = regions.Single(r => r.Region.Value == "us-west-2");
        var vcpus = usWest2.Quotas.Single(q => q.Quota.QuotaCode == "L-1216C47A");
        Assert.Equal((100d, 32d, 68d), (vcpus.Quota.Value, vcpus.InUse, vcpus.Headroom));
        Assert.Contains(usWest2.Quotas, q => q.Quota.QuotaCode == "L-0263D0A3");
        var home = regions.Single(r => r.Role == RegionRole.Home);
        Assert.Equal(1, home.Quotas.Single(q => q.Quota.Name == "ml.t3.2xlarge for notebook instance usage").InUse);
        Assert.All(regions, r => Assert.Empty(r.Problems));
    }
}
