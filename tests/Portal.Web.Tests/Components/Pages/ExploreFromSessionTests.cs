using System.Security.Claims;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Portal.Domain.Sessions;
using Portal.Web.Components.Pages.Explore;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Components.Pages;

/// <summary>"Launch again": the explore page opened with <c>?from=&lt;session id&gt;</c> fills the form from that session.</summary>
public sealed class ExploreFromSessionTests : PortalTestContext
{
    private static readonly Actor Ada = new("local:ada", "ada", isAdmin: false);

    public ExploreFromSessionTests()
        : base(context =>
        {
            context.Services.AddPortalPageServices(new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero)));
            var auth = context.AddAuthorization();
            auth.SetAuthorized("ada");
            auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, Ada.Id));
        })
    {
    }

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_form_is_filled_from_the_session_named_in_from()
    {
        var request = SampleRequests.FirstRun with { WorkersPerRegion = 7, MaximumHours = 9, EndDate = new DateOnly(2022, 6, 30) };
        var id = (await Services.GetRequiredService<ISessionService>().LaunchAsync(Ada, request, Ct)).SessionId!.Value;
        Services.GetRequiredService<NavigationManager>().NavigateTo($"/?from={id}");

        var cut = Render<Explore>();

        cut.WaitForAssertion(() => Assert.Contains(id.Value, cut.Find("[data-testid=filled-from]").TextContent, StringComparison.Ordinal));
        Assert.Equal("7", cut.Find("#f-workers").GetAttribute("value"));
        Assert.Equal("9", cut.Find("#f-hours").GetAttribute("value"));
        Assert.Equal("true", cut.Find("[data-testid=dataset-era5]").GetAttribute("aria-checked"));
        Assert.Equal("true", cut.Find("[data-testid=dataset-cmip6]").GetAttribute("aria-checked"));
        Assert.False(cut.Find("[data-testid=launch]").HasAttribute("disabled"));
    }

    [Fact]
    public void An_unknown_or_malformed_id_leaves_the_default_form()
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("/?from=s-0000000000");

        var cut = Render<Explore>();

        Assert.Empty(cut.FindAll("[data-testid=filled-from]"));
        Assert.Equal("false", cut.Find("[data-testid=dataset-era5]").GetAttribute("aria-checked"));
    }

    [Fact]
    public async Task Someone_elses_session_fills_nothing()
    {
        var bobs = (await Services.GetRequiredService<ISessionService>().LaunchAsync(new Actor("local:bob", "bob", isAdmin: false), SampleRequests.FirstRun, Ct)).SessionId!.Value;
        Services.GetRequiredService<NavigationManager>().NavigateTo($"/?from={bobs}");

        var cut = Render<Explore>();

        Assert.Empty(cut.FindAll("[data-testid=filled-from]"));
        Assert.Equal("false", cut.Find("[data-testid=dataset-cmip6]").GetAttribute("aria-checked"));
    }
}
