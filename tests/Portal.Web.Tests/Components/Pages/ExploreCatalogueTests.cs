using Bunit;
using Bunit.Extensions.WaitForHelpers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Portal.Domain.Datasets;
using Portal.Domain.Regions;
using Portal.Web.Components.Pages.Explore;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Components.Pages;

/// <summary>The explore page over a catalogue with registry data beside the curated datasets: map, filters, list and notices together.</summary>
public sealed class ExploreCatalogueTests : PortalTestContext
{
    private static readonly Dataset Saeon = Other("saeon-rivers", "SAEON river gauges", "af-south-1", DataFormat.Csv, "hydrology");
    private static readonly Dataset Goes = Other("noaa-goes16", "NOAA GOES-16", "us-east-1", DataFormat.NetCdf, "weather") with { RequesterPays = true };

    public ExploreCatalogueTests()
        : base(context =>
        {
            context.Services.AddPortalPageServices(new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero)));
            context.Services.AddSingleton(new DatasetCatalog([.. DatasetCatalog.Curated, Saeon, Goes]));
            var auth = context.AddAuthorization();
            auth.SetAuthorized("ada");
            auth.SetClaims(new System.Security.Claims.Claim(System.Security.Claims.ClaimTypes.NameIdentifier, "local:ada"));
        })
    {
    }

    private FakeTimeProvider Clock => (FakeTimeProvider)Services.GetRequiredService<TimeProvider>();

    [Fact]
    public void The_map_counts_datasets_per_region_and_a_marker_lists_its_regions_datasets()
    {
        var cut = Render<Explore>();
        Assert.Equal("7 datasets", cut.Find("[data-testid=dataset-count]").TextContent);
        Assert.Equal("4 datasets in us-west-2, US West (Oregon), worker region", cut.Find("[data-testid=map-region-marker-us-west-2]").GetAttribute("title"));

        cut.Find("[data-testid=map-region-marker-af-south-1]").Click();

        Assert.Equal("true", cut.Find("[data-testid=map-region-marker-af-south-1]").GetAttribute("aria-expanded"));
        Assert.Equal("1 of 7 datasets match", cut.Find("[data-testid=dataset-count]").TextContent);
        Assert.Equal(["dataset-row-saeon-rivers"], cut.FindAll("[role=listitem]").Select(r => r.GetAttribute("data-testid")));
        // Every region keeps its marker while one is chosen.
        Assert.Equal(3, cut.FindAll("button.region-marker").Count);

        cut.Find("[data-testid=map-region-marker-af-south-1]").Click();

        Assert.Equal("false", cut.Find("[data-testid=map-region-marker-af-south-1]").GetAttribute("aria-expanded"));
        Assert.Equal(7, cut.FindAll("[role=listitem]").Count);
    }

    [Fact]
    public void The_theme_format_and_region_filters_narrow_the_list_and_follow_the_map()
    {
        var cut = Render<Explore>();
        Assert.Contains("hydrology (1)", cut.FindAll("#dataset-theme option").Select(o => o.TextContent));
        Assert.Equal("Any format", cut.FindAll("#dataset-format option")[0].TextContent);

        cut.Find("#dataset-theme").Change("hydrology");

        Assert.Equal("1 of 7 datasets match", cut.Find("[data-testid=dataset-count]").TextContent);
        Assert.Equal(["dataset-row-saeon-rivers"], cut.FindAll("[role=listitem]").Select(r => r.GetAttribute("data-testid")));
        Assert.Equal("hydrology", cut.Find("#dataset-theme").GetAttribute("value"));

        cut.Find("#dataset-theme").Change("");
        cut.Find("#dataset-format").Change(nameof(DataFormat.NetCdf));

        Assert.All(cut.FindAll("[role=listitem] .portal-dataset-facts"), facts => Assert.Contains("netCDF", facts.TextContent, StringComparison.Ordinal));
        Assert.Contains("us-east-1 (", string.Join('|', cut.FindAll("#dataset-region option").Select(o => o.TextContent)), StringComparison.Ordinal);

        cut.Find("#dataset-format").Change("");
        cut.Find("[data-testid=map-region-marker-af-south-1]").Click();

        // The map and the region filter are one filter.
        Assert.Equal("af-south-1", cut.Find("#dataset-region").GetAttribute("value"));
        cut.Find("#dataset-region").Change("");
        Assert.Equal("false", cut.Find("[data-testid=map-region-marker-af-south-1]").GetAttribute("aria-expanded"));
        Assert.Equal("7 datasets", cut.Find("[data-testid=dataset-count]").TextContent);
    }

    [Fact]
    public void A_dataset_an_admin_disabled_is_neither_on_the_map_nor_in_the_list_and_an_edited_title_is_shown()
    {
        var catalog = Services.GetRequiredService<DatasetCatalog>();
        var at = new DateTimeOffset(2026, 11, 26, 8, 0, 0, TimeSpan.Zero);
        catalog.Override(new DatasetOverride(Saeon.Id, false, null, null, null, "grace", at));
        catalog.Override(new DatasetOverride(Goes.Id, true, "GOES-16 imagery", null, null, "grace", at));

        var cut = Render<Explore>();

        Assert.Equal("6 datasets", cut.Find("[data-testid=dataset-count]").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=map-region-marker-af-south-1]"));
        Assert.Empty(cut.FindAll("[data-testid=dataset-row-saeon-rivers]"));
        Assert.Contains("GOES-16 imagery", cut.Find("[data-testid=dataset-row-noaa-goes16]").TextContent, StringComparison.Ordinal);
    }

    /// <summary>
    /// The search waits for a pause in typing, timed on the page's clock (the test's fake one). The input's handler may
    /// start that timer after the event returns, so the clock moves on until the assertion holds (10 s of real time at most).
    /// </summary>
    private void AfterTheTypingPause(IRenderedComponent<Explore> cut, Action assertion)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            Clock.Advance(TimeSpan.FromSeconds(1));
            try
            {
                cut.WaitForAssertion(assertion, TimeSpan.FromMilliseconds(500));
                return;
            }
            catch (WaitForFailedException) when (DateTime.UtcNow < deadline)
            {
                // Not yet: the debounce timer started after the last advance.
            }
        }
    }

    [Fact]
    public void Free_text_narrows_map_and_list_together_and_an_empty_result_offers_to_clear()
    {
        var cut = Render<Explore>();

        cut.Find("#dataset-search").Input("goes");
        AfterTheTypingPause(cut, () => Assert.Equal("1 of 7 datasets match", cut.Find("[data-testid=dataset-count]").TextContent));
        Assert.Equal(["map-region-marker-us-east-1"], cut.FindAll("button.region-marker").Select(b => b.GetAttribute("data-testid")));

        cut.Find("#dataset-search").Input("no such data");
        AfterTheTypingPause(cut, () => Assert.NotNull(cut.Find("[data-testid=dataset-empty]")));
        Assert.Empty(cut.FindAll("button.region-marker"));
        cut.Find("[data-testid=dataset-empty] button").Click();

        Assert.Equal("7 datasets", cut.Find("[data-testid=dataset-count]").TextContent);
    }

    [Fact]
    public void Data_where_no_workers_run_is_flagged_before_launch_and_blocks_it()
    {
        var cut = Render<Explore>();

        cut.Find("[data-testid=dataset-era5]").Click();
        cut.Find("[data-testid=dataset-saeon-rivers]").Click();

        var outside = cut.Find("[data-testid=notice-outside-saeon-rivers]").TextContent;
        Assert.Contains("SAEON river gauges lives in af-south-1 (Africa (Cape Town)), where the portal has no worker region", outside, StringComparison.Ordinal);
        Assert.Contains("price book does not hold", outside, StringComparison.Ordinal);
        Assert.Contains("deselect it, or ask an admin to enable af-south-1", cut.Find("[data-testid=error-Datasets]").TextContent, StringComparison.Ordinal);
        Assert.True(cut.Find("[data-testid=launch]").HasAttribute("disabled"));
        Assert.Contains("NSF NCAR", cut.Find("[data-testid=notice-deprecated-era5]").TextContent, StringComparison.Ordinal);
        Assert.Contains("no workers in af-south-1", cut.Find("[data-testid=dataset-row-saeon-rivers]").TextContent, StringComparison.Ordinal);

        // The chip's close button deselects: the notice and the error go, launch comes back.
        cut.Find("[data-testid=dataset-selected-saeon-rivers] button").Click();

        Assert.Empty(cut.FindAll("[data-testid=notice-outside-saeon-rivers]"));
        Assert.Empty(cut.FindAll("[data-testid=error-Datasets]"));
        Assert.False(cut.Find("[data-testid=launch]").HasAttribute("disabled"));
        Assert.Equal("false", cut.Find("[data-testid=dataset-saeon-rivers]").GetAttribute("aria-checked"));
    }

    [Fact]
    public void Requester_pays_data_is_explained_and_registry_data_is_opened_by_path()
    {
        var cut = Render<Explore>();

        cut.Find("[data-testid=dataset-era5]").Click();
        cut.Find("[data-testid=dataset-noaa-goes16]").Click();

        Assert.Contains("portal's AWS account is billed", cut.Find("[data-testid=notice-requester-pays-noaa-goes16]").TextContent, StringComparison.Ordinal);
        Assert.Contains("s3://noaa-goes16", cut.Find("[data-testid=notice-by-path-noaa-goes16]").TextContent, StringComparison.Ordinal);
        Assert.Equal("2 datasets in us-east-1, US East (N. Virginia), 2 selected, worker region",
            cut.Find("[data-testid=map-region-marker-us-east-1]").GetAttribute("title"));
        Assert.False(cut.Find("[data-testid=launch]").HasAttribute("disabled"));
    }

    [Fact]
    public void Only_analysed_datasets_hides_registry_data()
    {
        var cut = Render<Explore>();

        cut.Find("input[data-testid=dataset-analysable]").Change(true);

        Assert.Equal("5 of 7 datasets match", cut.Find("[data-testid=dataset-count]").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=dataset-row-noaa-goes16]"));
        Assert.Empty(cut.FindAll("[data-testid=map-region-marker-af-south-1]"));
    }

    private static Dataset Other(string id, string name, string region, DataFormat format, params string[] tags) => new(
        DatasetId.Parse(id), name, DatasetKind.Other, new DataLocation(RegionCode.Parse(region), $"s3://{id}"), format, null, "CC0", string.Empty)
    {
        Tags = tags,
    };
}
