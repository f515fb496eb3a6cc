using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Portal.Web.Components.Pages.Explore;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Components.Pages;

public sealed class ExploreTests : PortalTestContext
{
    public ExploreTests()
        : base(context =>
        {
            context.Services.AddPortalPageServices(new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero)));
            var auth = context.AddAuthorization();
            auth.SetAuthorized("ada");
            auth.SetClaims(new System.Security.Claims.Claim(System.Security.Claims.ClaimTypes.NameIdentifier, "local:ada"));
        })
    {
    }

    private InMemorySessionStore Store => (InMemorySessionStore)Services.GetRequiredService<Portal.Domain.Sessions.ISessionStore>();

    private static string Text(IRenderedComponent<Explore> cut, string testId) => cut.Find($"[data-testid={testId}]").TextContent.Trim();

    [Fact]
    public void A_fresh_page_greets_instead_of_scolding_and_launch_waits_for_a_dataset()
    {
        var cut = Render<Explore>();

        Assert.True(cut.Find("[data-testid=launch]").HasAttribute("disabled"));
        Assert.Empty(cut.FindAll("[role=alert]"));
        Assert.Equal("Select data in the dataset list to start (the map's regions filter it).", Text(cut, "launch-blocked"));

        cut.Find("[data-testid=dataset-era5]").Click();

        Assert.False(cut.Find("[data-testid=launch]").HasAttribute("disabled"));
        Assert.Empty(cut.FindAll("[data-testid=error-Datasets]"));
    }

    [Fact]
    public void Once_the_user_has_acted_a_missing_dataset_is_said_at_the_list()
    {
        var cut = Render<Explore>();

        cut.Find("[data-testid=dataset-era5]").Click();
        cut.Find("[data-testid=dataset-era5]").Click();

        Assert.Equal("Select at least one dataset in the list (the map's regions filter it).", Text(cut, "error-Datasets"));
        Assert.True(cut.Find("[data-testid=launch]").HasAttribute("disabled"));
    }

    [Fact]
    public void Selecting_a_dataset_adds_its_region_to_the_cost_breakdown()
    {
        var cut = Render<Explore>();
        Assert.Empty(cut.FindAll("[data-testid=cost-region-us-west-2]"));

        cut.Find("[data-testid=dataset-era5]").Click();
        Assert.NotNull(cut.Find("[data-testid=cost-region-us-east-1]"));
        Assert.Empty(cut.FindAll("[data-testid=cost-region-us-west-2]"));

        // ERA5's new home instead (two copies of ERA5 are refused).
        cut.Find("[data-testid=dataset-era5]").Click();
        cut.Find("[data-testid=dataset-nsf-ncar-era5]").Click();

        Assert.NotNull(cut.Find("[data-testid=cost-region-us-west-2]"));
        Assert.Empty(cut.FindAll("[data-testid=cost-region-us-east-1]"));
        Assert.Equal("true", cut.Find("[data-testid=dataset-nsf-ncar-era5]").GetAttribute("aria-checked"));
    }

    [Fact]
    public void A_form_that_cannot_launch_gets_no_figure_but_the_fields_to_fix()
    {
        var cut = Render<Explore>();
        Assert.Contains("Select data in the dataset list to see what the session will cost", Text(cut, "cost-fix"), StringComparison.Ordinal);
        cut.Find("[data-testid=dataset-era5]").Click();
        Assert.Equal("$2.33", Text(cut, "cost-hourly"));

        cut.Find("#f-workers").Input("10000");

        Assert.Empty(cut.FindAll("[data-testid=cost-hourly]"));
        Assert.Empty(cut.FindAll("[data-testid=launch-bar-total]"));
        var fix = cut.Find("[data-testid=cost-fix-WorkersPerRegion]");
        Assert.StartsWith("Workers per region:", fix.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal("#f-workers", fix.QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("1 to fix", Text(cut, "launch-bar-fix"), StringComparison.Ordinal);
    }

    [Fact]
    public void The_panel_compares_computing_next_to_the_data_with_copying_it_home()
    {
        var cut = Render<Explore>();
        cut.Find("[data-testid=dataset-era5]").Click();

        Assert.Contains("saved", Text(cut, "cost-compare"), StringComparison.Ordinal);
        var copyHome = cut.Find("[data-testid=side-copy-home]").TextContent;
        Assert.Contains("from us-east-1 to eu-west-2", copyHome, StringComparison.Ordinal);
        Assert.Contains("Keep the", copyHome, StringComparison.Ordinal);
        Assert.NotNull(cut.Find("[data-testid=cost-break-even]"));
        Assert.Contains("us-east-1", cut.Find("[data-testid=cost-foundations]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void The_cost_follows_the_worker_count_and_the_hours()
    {
        var cut = Render<Explore>();
        cut.Find("[data-testid=dataset-era5]").Click();

        // Bundled snapshot: eu-west-2 scheduler 0.04656 + 4 x 0.00511, notebook 0.453; us-east-1 2 x m5d.4xlarge 0.904
        // (the Transit Gateway attachment is the foundation's, priced per month apart).
        Assert.Equal("$2.33", Text(cut, "cost-hourly"));
        Assert.Equal("$9.31", Text(cut, "cost-total"));

        cut.Find("#f-workers").Input("10");
        Assert.Equal("$9.56", Text(cut, "cost-hourly"));

        cut.Find("#f-hours").Input("10");
        Assert.Equal("$95.60", Text(cut, "cost-total"));
        Assert.Contains("For 10 hours", cut.Find("[data-testid=cost-panel]").TextContent, StringComparison.Ordinal);
        Assert.Contains("Prices as of 2026-05-08", Text(cut, "prices-as-of"), StringComparison.Ordinal);
        Assert.Contains("bundled prices of 2026-05-08", Text(cut, "prices-stale"), StringComparison.Ordinal);
    }

    [Fact]
    public void Launch_stores_the_session_for_the_signed_in_user_and_opens_its_page()
    {
        var cut = Render<Explore>();
        cut.Find("[data-testid=dataset-era5]").Click();

        cut.Find("[data-testid=launch]").Click();

        var session = Assert.Single(Store.Sessions);
        Assert.Equal("local:ada", session.Owner);
        Assert.Equal("ada", session.OwnerName);
        Assert.EndsWith($"/sessions/{session.Id}", Services.GetRequiredService<NavigationManager>().Uri, StringComparison.Ordinal);
    }

    [Fact]
    public void Inputs_stay_disabled_until_the_circuit_is_interactive()
    {
        SetRendererInfo(new RendererInfo("Static", isInteractive: false));

        var cut = Render<Explore>();

        Assert.True(cut.Find("[data-testid=launch]").HasAttribute("disabled"));
        Assert.True(cut.Find("#f-workers").HasAttribute("disabled"));
        Assert.True(cut.Find("#f-data-type").HasAttribute("disabled"));
    }
}
