using System.Security.Claims;
using Bunit;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MudBlazor.Services;
using Portal.Domain.Audit;
using Portal.Domain.Cloud;
using Portal.Domain.Quotas;
using Portal.Domain.Regions;
using Portal.Infra.Sandbox;
using Portal.Web.Auth;
using Portal.Web.Components.Pages.Admin;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Components.Pages.Admin;

/// <summary>The admin's Quotas page: portal limits (add, edit, delete; audited; checked again in every handler) and the service quotas.</summary>
public sealed class QuotasPageTests : BunitContext
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);

    private readonly BunitAuthorizationContext _auth;
    private readonly FailingIn _quotas = new();

    public QuotasPageTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddPortalPageServices(new FakeTimeProvider(Now));
        Services.AddSingleton<IServiceQuotaSource>(_quotas);
        _auth = AddAuthorization();
        SignIn("grace", PortalRoles.Admin);
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    private IPortalLimitStore Limits => Services.GetRequiredService<IPortalLimitStore>();

    private async Task<IReadOnlyList<AuditEntry>> EntriesAsync() =>
        (await Services.GetRequiredService<IAuditLog>().ListAsync(new AuditFilter(), 0, 100, Ct)).Entries;

    [Fact]
    public async Task Shows_the_limits_and_every_regions_service_quotas_with_use_and_headroom()
    {
        await Limits.UpsertAsync(PortalLimits.Create(LimitScope.Group("Team X"), maxConcurrentSessions: 2, idleTimeoutMaxMinutes: 60), Ct);

        var cut = Render<QuotasPage>();

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=service-quotas-table]")));
        var row = cut.Find("[data-testid='limits-row-group:Team X']");
        Assert.Contains("2", row.Children[1].TextContent, StringComparison.Ordinal);
        Assert.Equal("– to 60", row.Children[5].TextContent.Trim());
        foreach (var region in RegionCatalog.Default.All)
        {
            var vcpus = cut.Find($"[data-testid=service-quota-{region.Code}-L-1216C47A]");
            Assert.Equal("0", vcpus.QuerySelector("[data-testid=service-quota-in-use]")!.TextContent);
            Assert.Equal("1,152", vcpus.QuerySelector("[data-testid=service-quota-headroom]")!.TextContent);
        }

        Assert.Contains("not other workloads in the account", cut.Find("[data-testid=service-quotas]").TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid=service-quotas-error]"));
    }

    [Fact]
    public async Task Adding_limits_saves_them_shows_the_row_and_audits_the_save()
    {
        var cut = Render<QuotasPage>();
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=limits-empty]")));

        cut.Find("[data-testid=limit-scope]").Change("group:Team X");
        cut.Find("[data-testid=limit-workers-session]").Change("8");
        cut.Find("[data-testid=limit-form]").Submit();

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid='limits-row-group:Team X']")));
        Assert.Equal(8, Assert.Single(await Limits.ListAsync(Ct)).MaxWorkersPerSession);
        var entry = Assert.Single(await EntriesAsync());
        Assert.Equal((AuditActions.QuotaLimitSave, "local:grace", "group:Team X"), (entry.Action, entry.ActorId, entry.ObjectId));
        Assert.Equal("Saved the limits for group:Team X.", cut.Find("[data-testid=quotas-message]").TextContent);
    }

    [Fact]
    public async Task A_bad_scope_or_crossed_idle_bounds_are_explained_and_nothing_is_saved()
    {
        var cut = Render<QuotasPage>();
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=limit-form]")));

        cut.Find("[data-testid=limit-scope]").Change("team:x");
        cut.Find("[data-testid=limit-form]").Submit();
        cut.WaitForAssertion(() => Assert.Contains("'team:x' is not a limit scope", cut.Find("[data-testid=limit-form-error]").TextContent, StringComparison.Ordinal));

        cut.Find("[data-testid=limit-scope]").Change("everyone");
        cut.Find("[data-testid=limit-idle-min]").Change("60");
        cut.Find("[data-testid=limit-idle-max]").Change("30");
        cut.Find("[data-testid=limit-form]").Submit();
        cut.WaitForAssertion(() => Assert.Contains("idle timeout minimum (60 min) is above the maximum (30 min)", cut.Find("[data-testid=limit-form-error]").TextContent, StringComparison.Ordinal));

        cut.Find("[data-testid=limit-sessions]").Change("-1");
        cut.Find("[data-testid=limit-form]").Submit();
        cut.WaitForAssertion(() => Assert.Contains("Concurrent sessions must be between 0 and 10000", cut.Markup, StringComparison.Ordinal));

        Assert.Empty(await Limits.ListAsync(Ct));
        Assert.Empty(await EntriesAsync());
    }

    [Fact]
    public async Task Edit_then_delete_change_the_stored_limits_and_each_is_audited()
    {
        await Limits.UpsertAsync(PortalLimits.Create(LimitScope.Everyone, maxLifetimeHours: 8), Ct);
        var cut = Render<QuotasPage>();
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=limits-edit-everyone]")));

        cut.Find("[data-testid=limits-edit-everyone]").Click();
        cut.Find("[data-testid=limit-lifetime]").Change("12");
        cut.Find("[data-testid=limit-form]").Submit();
        cut.WaitForAssertion(() => Assert.Equal(12, Assert.Single(Limits.ListAsync(Ct).Result).MaxLifetimeHours));

        cut.Find("[data-testid=limits-delete-everyone]").Click();

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=limits-empty]")));
        Assert.Equal([AuditActions.QuotaLimitDelete, AuditActions.QuotaLimitSave], (await EntriesAsync()).Select(e => e.Action));
    }

    [Fact]
    public async Task Delete_does_nothing_for_someone_who_is_no_longer_an_admin()
    {
        await Limits.UpsertAsync(PortalLimits.Create(LimitScope.Everyone, maxConcurrentSessions: 3), Ct);
        var cut = Render<QuotasPage>();
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=limits-delete-everyone]")));

        SignIn("alan", PortalRoles.User);
        cut.Find("[data-testid=limits-delete-everyone]").Click();

        cut.WaitForAssertion(() => Assert.StartsWith("Only a Portal.Admin", cut.Find("[data-testid=quotas-message]").TextContent, StringComparison.Ordinal));
        Assert.Single(await Limits.ListAsync(Ct));
        Assert.Empty(await EntriesAsync());
    }

    [Fact]
    public void A_region_whose_quotas_cannot_be_read_says_why_and_the_rest_are_shown()
    {
        _quotas.Failing = RegionCode.Parse("us-west-2");

        var cut = Render<QuotasPage>();

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=service-quotas-error]")));
        Assert.StartsWith(
            "Service Quotas could not be read in us-west-2: User is not authorized to perform servicequotas:GetServiceQuota.",
            cut.Find("[data-testid=service-quotas-error]").TextContent.Trim(), StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid=service-quota-us-west-2-L-1216C47A]"));
        Assert.NotNull(cut.Find("[data-testid=service-quota-us-east-1-L-1216C47A]"));
    }

    private void SignIn(string name, params string[] roles)
    {
        _auth.SetAuthorized(name);
        _auth.SetRoles(roles);
        _auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, "local:" + name));
    }

    /// <summary>The sandbox's quotas, except in <see cref="Failing"/>, where Service Quotas refuses access.</summary>
    private sealed class FailingIn : IServiceQuotaSource
    {
        private readonly SandboxServiceQuotaSource _sandbox = new(Options.Create(new SandboxOptions()));

        public RegionCode? Failing { get; set; }

        public Task<ServiceQuotaValue?> GetServiceQuotaAsync(RegionCode region, string serviceCode, string quotaCode, CancellationToken cancellationToken) =>
            region == Failing ? throw Denied() : _sandbox.GetServiceQuotaAsync(region, serviceCode, quotaCode, cancellationToken);

        public Task<ServiceQuotaValue?> FindServiceQuotaByNameAsync(RegionCode region, string serviceCode, string quotaName, CancellationToken cancellationToken) =>
            region == Failing ? throw Denied() : _sandbox.FindServiceQuotaByNameAsync(region, serviceCode, quotaName, cancellationToken);

        private static CloudOperationException Denied() =>
            new("AccessDeniedException", "User is not authorized to perform servicequotas:GetServiceQuota");
    }
}
