using System.Globalization;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using Portal.Domain.Datasets;
using Portal.Domain.Regions;
using Portal.Infra.Map;
using Portal.Web.Components.Map;

namespace Portal.Web.Tests.Components.Map;

public sealed class WorldMapTests : BunitContext
{
    // Decoding takes a few milliseconds; share one geometry like the app's singleton does.
    private static readonly WorldMapGeometry Geometry = WorldMapGeometry.Load();

    private static readonly IReadOnlyList<Region> Regions = RegionCatalog.Default.All;
    private static readonly Dataset Era5 = DatasetCatalog.Default.Get(DatasetCatalog.Era5);
    private static readonly Dataset Cmip6 = DatasetCatalog.Default.Get(DatasetCatalog.Cmip6);

    public WorldMapTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddSingleton(Geometry);
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    [Fact]
    public void Renders_one_path_per_country()
    {
        var cut = RenderMap([Era5, Cmip6]);

        Assert.Equal(Geometry.Countries.Count, cut.FindAll("svg path.country").Count);
        Assert.Equal(177, cut.FindAll("svg path.country").Count);
    }

    [Fact]
    public void Describes_the_map_as_an_image()
    {
        var cut = RenderMap([Era5]);

        var svg = cut.Find("svg");
        Assert.Equal("img", svg.GetAttribute("role"));
        Assert.Equal("World map of AWS regions and datasets", svg.GetAttribute("aria-label"));
        Assert.Equal($"0 0 {Geometry.Width} {Geometry.Height}", svg.GetAttribute("viewBox"));
    }

    [Fact]
    public void Renders_one_checkbox_button_per_dataset_named_by_its_display_name()
    {
        var cut = RenderMap([Era5, Cmip6]);

        Assert.Equal(2, cut.FindAll("button[role=checkbox]").Count);
        var era5 = cut.Find("[data-testid=map-marker-era5]");
        Assert.Equal("BUTTON", era5.TagName);
        Assert.Equal("button", era5.GetAttribute("type"));
        Assert.Equal("checkbox", era5.GetAttribute("role"));
        Assert.Equal("ERA5 reanalysis (us-east-1)", era5.GetAttribute("aria-label"));
        Assert.False(era5.HasAttribute("disabled"));
        Assert.Equal("CMIP6 projections (us-west-2)", cut.Find("[data-testid=map-marker-cmip6]").GetAttribute("aria-label"));
    }

    [Fact]
    public void Reports_the_selected_state_in_aria_checked()
    {
        var cut = RenderMap([Era5, Cmip6], selected: new HashSet<DatasetId> { DatasetCatalog.Cmip6 });

        Assert.Equal("false", cut.Find("[data-testid=map-marker-era5]").GetAttribute("aria-checked"));
        var cmip6 = cut.Find("[data-testid=map-marker-cmip6]");
        Assert.Equal("true", cmip6.GetAttribute("aria-checked"));
        Assert.Contains("selected", cmip6.ClassList);
    }

    [Fact]
    public void Clicking_a_marker_raises_OnToggle_with_its_id()
    {
        DatasetId? toggled = null;
        var cut = Render<WorldMap>(p => p
            .Add(x => x.Regions, Regions)
            .Add(x => x.Datasets, [Era5, Cmip6])
            .Add(x => x.OnToggle, id => toggled = id));

        cut.Find("[data-testid=map-marker-cmip6]").Click();

        Assert.Equal(DatasetCatalog.Cmip6, toggled);
    }

    [Fact]
    public void Places_a_marker_at_its_regions_projected_position()
    {
        var cut = RenderMap([Era5]);

        var (x, y) = Geometry.Project(39.04, -77.49);
        var style = cut.Find("[data-testid=map-marker-era5]").GetAttribute("style")!;
        Assert.Contains(FormattableString.Invariant($"left: {100 * x / Geometry.Width:0.###}%"), style, StringComparison.Ordinal);
        Assert.Contains(FormattableString.Invariant($"top: {100 * y / Geometry.Height:0.###}%"), style, StringComparison.Ordinal);
    }

    [Fact]
    public void Stacks_datasets_that_share_a_region_so_they_do_not_overlap()
    {
        var era5Land = Era5 with { Id = DatasetId.Parse("era5-land"), Name = "ERA5-Land" };
        var cut = RenderMap([Era5, era5Land, Cmip6]);

        var first = cut.Find("[data-testid=map-marker-era5]").GetAttribute("style")!;
        var second = cut.Find("[data-testid=map-marker-era5-land]").GetAttribute("style")!;
        Assert.Contains("--stack: 0", first, StringComparison.Ordinal);
        Assert.Contains("--stack: 1", second, StringComparison.Ordinal);
        Assert.Contains("--stack: 0", cut.Find("[data-testid=map-marker-cmip6]").GetAttribute("style")!, StringComparison.Ordinal);
    }

    [Fact]
    public void Shows_the_first_word_of_each_name_unless_it_repeats()
    {
        var cmip6Daily = Cmip6 with { Id = DatasetId.Parse("cmip6-daily"), Name = "CMIP6 daily" };
        var cut = RenderMap([Era5, Cmip6, cmip6Daily]);

        Assert.Equal("ERA5", cut.Find("[data-testid=map-marker-era5] .dataset-name").TextContent);
        Assert.Equal("CMIP6 projections", cut.Find("[data-testid=map-marker-cmip6] .dataset-name").TextContent);
        Assert.Equal("CMIP6 daily", cut.Find("[data-testid=map-marker-cmip6-daily] .dataset-name").TextContent);
    }

    [Fact]
    public void Marks_the_home_region_distinctly_from_worker_regions()
    {
        var cut = RenderMap([Era5]);

        var home = cut.Find("[data-testid=map-region-eu-west-2]");
        var worker = cut.Find("[data-testid=map-region-us-east-1]");
        Assert.Contains("region-home", home.ClassList);
        Assert.Contains("region-worker", worker.ClassList);
        Assert.Single(home.QuerySelectorAll("circle.region-ring"));
        Assert.Empty(worker.QuerySelectorAll("circle.region-ring"));
        Assert.Contains("home region", home.QuerySelector("title")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("worker region", worker.QuerySelector("title")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("eu-west-2 (home)", home.QuerySelector("text")!.TextContent);
    }

    [Fact]
    public void Disables_the_markers_when_asked()
    {
        var cut = Render<WorldMap>(p => p
            .Add(x => x.Regions, Regions)
            .Add(x => x.Datasets, [Era5, Cmip6])
            .Add(x => x.Disabled, true));

        Assert.All(cut.FindAll("button[role=checkbox]"), b => Assert.True(b.HasAttribute("disabled")));
    }

    [Fact]
    public void Keeps_the_markers_disabled_until_the_circuit_is_interactive()
    {
        SetRendererInfo(new RendererInfo("Static", isInteractive: false));

        var cut = RenderMap([Era5]);

        Assert.True(cut.Find("[data-testid=map-marker-era5]").HasAttribute("disabled"));
    }

    [Fact]
    public void Lists_a_dataset_whose_region_is_not_configured_below_the_map()
    {
        var sydney = Era5 with
        {
            Id = DatasetId.Parse("bom-access"),
            Name = "ACCESS",
            Location = new DataLocation(RegionCode.Parse("ap-southeast-2"), "s3://example-bucket"),
        };
        var cut = RenderMap([Era5, sydney]);

        var unplaced = cut.Find("[data-testid=world-map-unplaced]");
        var marker = unplaced.QuerySelector("[data-testid=map-marker-bom-access]")!;
        Assert.Equal("ACCESS (ap-southeast-2)", marker.GetAttribute("aria-label"));
    }

    [Fact]
    public void Builds_the_country_markup_once_per_geometry()
    {
        var first = WorldMap.GetCountriesMarkup(Geometry);
        var second = WorldMap.GetCountriesMarkup(Geometry);

        Assert.Same(first, second);
        Assert.Contains("<title>United Kingdom</title>", first, StringComparison.Ordinal);
    }

    [Fact]
    public void Writes_numbers_with_a_dot_in_any_culture()
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("fr-FR");
        try
        {
            var cut = RenderMap([Era5]);

            Assert.Matches(@"^translate\(\d+(\.\d)? \d+(\.\d)?\)$", cut.Find("[data-testid=map-region-us-east-1]").GetAttribute("transform")!);
            Assert.Matches(@"left: \d+(\.\d+)?%; top: \d+(\.\d+)?%", cut.Find("[data-testid=map-marker-era5]").GetAttribute("style")!);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    private IRenderedComponent<WorldMap> RenderMap(IReadOnlyList<Dataset> datasets, IReadOnlySet<DatasetId>? selected = null) =>
        Render<WorldMap>(p =>
        {
            p.Add(x => x.Regions, Regions).Add(x => x.Datasets, datasets);
            if (selected is not null)
            {
                p.Add(x => x.Selected, selected);
            }
        });
}
