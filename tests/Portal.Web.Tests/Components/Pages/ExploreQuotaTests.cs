using System.Security.Claims;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Portal.Domain.Audit;
using Portal.Domain.Quotas;
using Portal.Domain.Sessions;
using Portal.Web.Components.Pages.Explore;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Components.Pages;

/// <summary>A launch refused by a portal limit says so beside Launch, as a budget refusal does, and launches nothing.</summary>
public sealed class ExploreQuotaTests : PortalTestContext
{
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));

    public ExploreQuotaTests()
        : base(context =>
        {
            context.Services.AddPortalPageServices(Clock);
            var auth = context.AddAuthorization();
            auth.SetAuthorized("ada");
            auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, "local:ada"), new Claim("groups", "team-x"));
        })
    {
    }

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_launch_over_a_groups_limit_names_the_limit_beside_launch_and_launches_nothing()
    {
        await Services.GetRequiredService<IPortalLimitStore>().UpsertAsync(PortalLimits.Create(LimitScope.Group("team-x"), maxLifetimeHours: 1), Ct);
        var cut = Render<Explore>();
        cut.Find("[data-testid=dataset-era5]").Click();

        cut.Find("[data-testid=launch]").Click();

        var problem = cut.Find("[data-testid=launch-problem]").TextContent;
        Assert.StartsWith("A session may live at most 1 hour (limit for group 'team-x'); this launch asks for ", problem, StringComparison.Ordinal);
        Assert.False(cut.Find("[data-testid=launch]").HasAttribute("disabled"));
        Assert.Empty(await Services.GetRequiredService<ISessionStore>().ListAsync(null, Ct));
        var entry = Assert.Single((await Services.GetRequiredService<IAuditLog>().ListAsync(new AuditFilter(), 0, 10, Ct)).Entries);
        Assert.Equal((AuditActions.SessionLaunchRefused, problem), (entry.Action, entry.Detail));
    }
}
