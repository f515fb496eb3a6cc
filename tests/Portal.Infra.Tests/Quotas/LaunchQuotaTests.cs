using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Audit;
using Portal.Domain.Cloud;
using Portal.Domain.Quotas;
using Portal.Domain.Regions;
using Portal.Domain.Sessions;
using Portal.Infra.Tests.Support;

namespace Portal.Infra.Tests.Quotas;

/// <summary>
/// Launches through the session use case against portal limits and the sandbox's service quotas: a refused launch
/// creates nothing (no stack, no notebook, no session, even after the orchestrator runs) and is audited.
/// The sample launch (FirstRun) has 2 workers of m5d.4xlarge (32 vCPUs) in us-east-1 and in us-west-2.
/// </summary>
public sealed class LaunchQuotaTests
{
    private static readonly Actor Ada = new("local:ada", "ada", isAdmin: false, ["Team X"]);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(InfraTestHost Host, RecordingCloud Cloud)> HostAsync(Dictionary<string, string?>? settings = null)
    {
        var cloud = new RecordingCloud();
        var host = await InfraTestHost.CreateAsync(Ct, settings, cloud.Register);
        // Resolved now, so that the recorder exists even when nothing ever asks for a stack.
        _ = host.Services.GetRequiredService<IStackDeployer>();
        return (host, cloud);
    }

    private static async Task<int> NotebooksAsync(InfraTestHost host) =>
        (await host.Sandbox.ListNotebookInstancesAsync(RegionCatalog.Default.Home.Code, "portal-", Ct)).Count;

    private static async Task<IReadOnlyList<AuditEntry>> EntriesAsync(InfraTestHost host) =>
        (await host.Services.GetRequiredService<IAuditLog>().ListAsync(new AuditFilter(), 0, 100, Ct)).Entries;

    [Fact]
    public async Task A_launch_over_a_portal_limit_is_refused_naming_it_and_creates_nothing()
    {
        var (host, cloud) = await HostAsync();
        await using var _ = host;
        await host.Services.GetRequiredService<IPortalLimitStore>().UpsertAsync(PortalLimits.Create(LimitScope.Group("Team X"), maxWorkersPerSession: 3), Ct);

        var result = await host.Sessions.LaunchAsync(Ada, SampleRequests.FirstRun, Ct);
        await host.RunOnceAsync(Ct);

        var error = Assert.Single(result.Errors);
        Assert.Equal(SessionRequestField.Quota, error.Field);
        Assert.StartsWith("A session may have at most 3 workers (limit for group 'Team X')", error.Message, StringComparison.Ordinal);
        Assert.Null(result.SessionId);
        Assert.Empty(cloud.Stacks!.Creates);
        Assert.Equal(0, await NotebooksAsync(host));
        Assert.Empty(await host.Store.ListAsync(owner: null, Ct));
        // Portal limits are checked first: no Service Quotas call for a launch they refuse.
        Assert.Empty(cloud.QuotaReads);
        var entry = Assert.Single(await EntriesAsync(host));
        Assert.Equal((AuditActions.SessionLaunchRefused, "local:ada", error.Message), (entry.Action, entry.ActorId, entry.Detail));
    }

    [Fact]
    public async Task A_launch_over_a_service_quota_is_refused_naming_quota_and_region_and_creates_nothing()
    {
        var (host, cloud) = await HostAsync(new() { ["Sandbox:ServiceQuotas:L-1216C47A"] = "40" });
        await using var _ = host;
        // Someone's running session already holds 32 vCPUs in each worker region: 8 are left of 40.
        var first = await host.Sessions.LaunchAsync(new Actor("local:alan", "alan", isAdmin: false), SampleRequests.FirstRun, Ct);
        Assert.True(first.Succeeded);
        await host.RunOnceAsync(Ct);
        var created = cloud.Stacks!.Creates.Count;
        var notebooks = await NotebooksAsync(host);
        Assert.True(created > 0, "the first launch's stacks are created: the recorder sees creates");

        var result = await host.Sessions.LaunchAsync(Ada, SampleRequests.FirstRun, Ct);
        await host.RunOnceAsync(Ct);

        Assert.Null(result.SessionId);
        Assert.Equal(2, result.Errors.Count);
        Assert.All(result.Errors, e => Assert.Equal(SessionRequestField.Quota, e.Field));
        Assert.StartsWith(
            "This launch needs 32 vCPUs of the AWS service quota 'Running On-Demand Standard (A, C, D, H, I, M, R, T, Z) instances' (L-1216C47A) in us-east-1, "
            + "but its headroom there is 8 (quota 40, 32 in use by the portal's sessions).",
            result.Errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("in us-west-2", result.Errors[1].Message, StringComparison.Ordinal);
        Assert.Equal(created, cloud.Stacks.Creates.Count);
        Assert.Equal(notebooks, await NotebooksAsync(host));
        Assert.Single(await host.Store.ListAsync(owner: null, Ct));
        var refused = Assert.Single(await EntriesAsync(host), e => e.Action == AuditActions.SessionLaunchRefused);
        Assert.Equal(("local:ada", string.Join(" ", result.Errors.Select(e => e.Message))), (refused.ActorId, refused.Detail));
    }

    [Fact]
    public async Task A_notebook_quota_of_zero_refuses_the_launch_in_the_home_region()
    {
        var (host, cloud) = await HostAsync(new() { ["Sandbox:ServiceQuotas:NotebookInstances"] = "0" });
        await using var _ = host;

        var result = await host.Sessions.LaunchAsync(Ada, SampleRequests.FirstRun, Ct);

        var error = Assert.Single(result.Errors);
        Assert.Contains("'ml.t3.2xlarge for notebook instance usage'", error.Message, StringComparison.Ordinal);
        Assert.Contains($"in {RegionCatalog.Default.Home.Code}", error.Message, StringComparison.Ordinal);
        Assert.Empty(cloud.Stacks!.Creates);
    }

    [Fact]
    public async Task When_service_quotas_cannot_be_read_the_launch_goes_ahead()
    {
        var (host, cloud) = await HostAsync(new() { ["Sandbox:ServiceQuotas:L-1216C47A"] = "0" });
        await using var _ = host;
        cloud.QuotaFailure = new CloudOperationException("AccessDeniedException", "User is not authorized to perform servicequotas:GetServiceQuota");

        var result = await host.Sessions.LaunchAsync(Ada, SampleRequests.FirstRun, Ct);

        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Message)));
        Assert.NotEmpty(cloud.QuotaReads);
    }

    [Fact]
    public async Task A_session_gets_the_idle_timeout_within_its_owners_bounds()
    {
        var (host, _) = await HostAsync(new() { ["Orchestration:IdleTimeout"] = "00:20:00" });
        await using var __ = host;
        await host.Services.GetRequiredService<IPortalLimitStore>().UpsertAsync(PortalLimits.Create(LimitScope.Everyone, idleTimeoutMinMinutes: 45), Ct);

        var result = await host.Sessions.LaunchAsync(Ada, SampleRequests.FirstRun, Ct);

        var session = await host.Store.FindAsync(result.SessionId!.Value, Ct);
        Assert.Equal(TimeSpan.FromMinutes(45), session!.IdleTimeout);
    }

    [Fact]
    public async Task Limits_from_configuration_are_written_at_start_and_enforced()
    {
        var (host, cloud) = await HostAsync(new()
        {
            ["Quotas:Limits:0:Scope"] = "user:local:ada",
            ["Quotas:Limits:0:MaxLifetimeHours"] = "2",
        });
        await using var _ = host;
        foreach (var startup in host.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<Portal.Infra.Quotas.PortalLimitStartup>())
        {
            await startup.StartAsync(Ct);
        }

        var result = await host.Sessions.LaunchAsync(Ada, SampleRequests.FirstRun, Ct);

        Assert.StartsWith("A session may live at most 2 hours (your own limit); this launch asks for 4.", Assert.Single(result.Errors).Message, StringComparison.Ordinal);
        Assert.Empty(cloud.Stacks!.Creates);
    }

    [Fact]
    public async Task A_retry_that_would_exceed_a_service_quota_is_refused_and_creates_nothing()
    {
        var settings = new Dictionary<string, string?> { ["Sandbox:FailStacksContaining"] = "workers-us-west-2" };
        var first = await InfraTestHost.CreateAsync(Ct, settings);
        var id = (await first.Sessions.LaunchAsync(Ada, SampleRequests.FirstRun, Ct)).SessionId!.Value;
        await SessionDriving.DriveAsync(first, id, s => s.State == SessionState.Failed && s.HasEnded, TimeSpan.FromSeconds(5), Ct);
        // The account's quota is lowered while the session is down: its workers no longer fit.
        var cloud = new RecordingCloud();
        await using var host = await first.RestartAsync(Ct, new Dictionary<string, string?>(settings) { ["Sandbox:ServiceQuotas:L-1216C47A"] = "16" }, cloud.Register);
        _ = host.Services.GetRequiredService<IStackDeployer>();

        var result = await host.Sessions.RetryAsync(Ada, id, Ct);
        await host.RunOnceAsync(Ct);

        Assert.Equal(SessionCommandOutcome.Refused, result.Outcome);
        Assert.StartsWith("This retry needs 32 vCPUs of the AWS service quota", result.Message, StringComparison.Ordinal);
        Assert.Contains("(L-1216C47A) in us-east-1", result.Message, StringComparison.Ordinal);
        Assert.Empty(cloud.Stacks!.Creates);
        Assert.Equal(SessionState.Failed, (await host.Store.FindAsync(id, Ct))!.State);
        var retry = Assert.Single(await EntriesAsync(host), e => e.Action == AuditActions.SessionRetry);
        Assert.StartsWith("Refused: This retry needs", retry.Detail, StringComparison.Ordinal);
    }
}
