using System.Security.Claims;
using System.Text.RegularExpressions;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Portal.Domain.Sessions;
using Portal.Infra.Sessions;
using Portal.Web.Components.Pages.Explore;
using Portal.Web.Security;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Components.Pages;

public sealed class ExploreLaunchLimitTests : PortalTestContext
{
    public ExploreLaunchLimitTests()
        : base(context =>
        {
            context.Services.AddPortalPageServices(new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero)));
            context.Services.AddSingleton(new LaunchRateLimiter(Options.Create(new SecurityOptions { LaunchesPerMinute = 1 })));
            context.Services.AddSingleton<ISessionService>(sp => new RateLimitedSessionService(sp.GetRequiredService<SessionService>(), sp.GetRequiredService<LaunchRateLimiter>()));
            var auth = context.AddAuthorization();
            auth.SetAuthorized("ada");
            auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, "local:ada"));
        })
    {
    }

    [Fact]
    public void A_launch_beyond_the_limit_says_how_long_to_wait_beside_Launch_and_keeps_the_form_usable()
    {
        var first = Render<Explore>();
        first.Find("[data-testid=dataset-era5]").Click();
        first.Find("[data-testid=launch]").Click();
        var navigation = Services.GetRequiredService<NavigationManager>();
        Assert.Contains("/sessions/s-", navigation.Uri, StringComparison.Ordinal);

        var second = Render<Explore>();
        second.Find("[data-testid=dataset-era5]").Click();
        second.Find("[data-testid=launch]").Click();

        Assert.Contains(second.FindAll("[role=alert]"), alert => Regex.IsMatch(alert.TextContent, "^Too many launches: wait [0-9]+ seconds.$"));
        Assert.False(second.Find("[data-testid=launch]").HasAttribute("disabled"));
    }
}
