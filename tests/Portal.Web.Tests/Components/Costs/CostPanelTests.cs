using Bunit;
using Portal.Domain.Costs;
using Portal.Domain.Regions;
using Portal.Web.Components.Costs;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Components.Costs;

public sealed class CostPanelTests : PortalTestContext
{
    private static readonly RegionCode London = RegionCode.Parse("eu-west-2");

    [Fact]
    public void Says_it_is_loading_before_prices_arrive()
    {
        var cut = Render<CostPanel>();

        Assert.Contains("Loading prices", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Marks_unpriced_items_and_calls_the_total_a_lower_bound()
    {
        var estimate = new CostEstimate(
            [new RegionCost(London, RegionRole.Home, [new CostLine("Notebook", 1, "instance-hour", null, false), new CostLine("Scheduler", 1, "vCPU-hour", 0.5m, true)])],
            3,
            new DateOnly(2026, 5, 8),
            "Test prices");

        var cut = Render<CostPanel>(p => p.Add(x => x.Estimate, estimate));

        Assert.Equal("$0.50", cut.Find("[data-testid=cost-hourly]").TextContent);
        Assert.Equal("$1.50", cut.Find("[data-testid=cost-total]").TextContent);
        Assert.Contains("(no price)", cut.Markup, StringComparison.Ordinal);
        Assert.Contains("lower bound", cut.Find("[data-testid=prices-as-of]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void What_the_page_puts_under_the_totals_comes_before_the_breakdown()
    {
        var estimate = new CostEstimate(
            [new RegionCost(London, RegionRole.Home, [new CostLine("Scheduler", 1, "vCPU-hour", 0.5m, true)])],
            3,
            new DateOnly(2026, 5, 8),
            "Test prices");

        var cut = Render<CostPanel>(p => p
            .Add(x => x.Estimate, estimate)
            .Add(x => x.Actions, (Microsoft.AspNetCore.Components.RenderFragment)(b => b.AddMarkupContent(0, "<button data-testid=\"launch\">Launch</button>"))));

        var markup = cut.Markup;
        Assert.True(markup.IndexOf("data-testid=\"cost-total\"", StringComparison.Ordinal) < markup.IndexOf("data-testid=\"launch\"", StringComparison.Ordinal));
        Assert.True(markup.IndexOf("data-testid=\"launch\"", StringComparison.Ordinal) < markup.IndexOf("Cost per region", StringComparison.Ordinal));
        Assert.Equal("Cost per region", cut.Find(".mud-simple-table").GetAttribute("aria-label"));
    }

    [Fact]
    public void Each_line_shows_its_quantity_at_its_unit_price_so_it_can_be_checked_by_hand()
    {
        var estimate = new CostEstimate(
            [new RegionCost(London, RegionRole.Home, [new CostLine("2 × m5d.4xlarge Dask workers", 2, "instance-hour", 0.904m, true)])],
            3,
            new DateOnly(2026, 5, 8),
            "Test prices")
        {
            Foundations = [new FoundationCost(London, RegionRole.Worker, [new CostLine("NAT gateway", 730, "hour", 0.045m, true)])],
        };

        var cut = Render<CostPanel>(p => p.Add(x => x.Estimate, estimate));

        Assert.Contains("2 instance-hour × $0.904", cut.Find("[data-testid=cost-region-eu-west-2]").TextContent, StringComparison.Ordinal);
        var foundations = cut.Find("[data-testid=cost-foundations]");
        Assert.Contains("730 hour × $0.045", foundations.TextContent, StringComparison.Ordinal);
        Assert.Contains("$32.85", foundations.TextContent, StringComparison.Ordinal);
        // 3 of 730 hours of $32.85.
        Assert.Equal("$0.14", cut.Find("[data-testid=cost-foundation-share]").TextContent);
    }

    [Fact]
    public void Stale_prices_are_said_beside_the_figures()
    {
        var estimate = new CostEstimate([], 1, new DateOnly(2026, 5, 8), "Bundled price snapshot");

        var cut = Render<CostPanel>(p => p.Add(x => x.Estimate, estimate).Add(x => x.PriceWarning, "Prices are 213 days old."));

        Assert.Equal("Prices are 213 days old.", cut.Find("[data-testid=prices-stale]").TextContent.Trim());
    }
}
