using System.Globalization;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using Portal.Domain.Regions;
using Portal.Infra.Map;
using Portal.Web.Components.Map;

namespace Portal.Web.Tests.Components.Map;

public sealed class WorldMapTests : BunitContext
{
    // Decoding takes a few milliseconds; share one geometry like the app's singleton does.
    private static readonly WorldMapGeometry Geometry = WorldMapGeometry.Load();

    private static readonly IReadOnlyList<Region> Regions = RegionCatalog.Default.All;
    private static readonly RegionCode UsEast1 = RegionCode.Parse("us-east-1");
    private static readonly RegionCode UsEast2 = RegionCode.Parse("us-east-2");
    private static readonly RegionCode UsWest2 = RegionCode.Parse("us-west-2");
    private static readonly RegionCode CapeTown = RegionCode.Parse("af-south-1");

    public WorldMapTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddSingleton<IWorldMap>(Geometry);
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    [Fact]
    public void Renders_one_path_per_country()
    {
        var cut = RenderMap(new() { [UsEast1] = 1 });

        Assert.Equal(177, cut.FindAll("svg path.country").Count);
    }

    [Fact]
    public void Describes_the_map_as_an_image()
    {
        var svg = RenderMap(new() { [UsEast1] = 1 }).Find("svg");

        Assert.Equal("img", svg.GetAttribute("role"));
        Assert.Equal("World map of AWS regions and how many datasets each holds", svg.GetAttribute("aria-label"));
        Assert.Equal($"0 0 {Geometry.Width} {Geometry.Height}", svg.GetAttribute("viewBox"));
    }

    [Fact]
    public void Draws_one_marker_per_region_with_datasets_named_by_region_count_and_workers()
    {
        var cut = RenderMap(new() { [UsWest2] = 1043, [UsEast1] = 1, [CapeTown] = 57, [UsEast2] = 0 },
            selected: new() { [UsWest2] = 2 });

        Assert.Equal(3, cut.FindAll("button.region-marker").Count);
        var west = cut.Find("[data-testid=map-region-marker-us-west-2]");
        Assert.Equal("1k (1,043) datasets in us-west-2, US West (Oregon), 2 selected, worker region", west.GetAttribute("title"));
        Assert.Equal("1k", west.QuerySelector(".marker-count")!.TextContent);
        Assert.Equal(", 2 selected", west.QuerySelector(".marker-selected")!.TextContent);
        Assert.Equal("1 dataset in us-east-1, US East (N. Virginia), worker region", cut.Find("[data-testid=map-region-marker-us-east-1]").GetAttribute("title"));
        var cape = cut.Find("[data-testid=map-region-marker-af-south-1]");
        Assert.Equal("57 datasets in af-south-1, Africa (Cape Town), no worker region", cape.GetAttribute("title"));
        Assert.Null(cape.GetAttribute("aria-label"));
        Assert.Equal("57 datasets in af-south-1, Africa (Cape Town), no worker region", string.Concat(cape.QuerySelectorAll(".marker-count, .portal-visually-hidden").Select(e => e.TextContent)));
        Assert.Contains("no-workers", cape.ClassList);
    }

    [Fact]
    public void Activating_a_marker_raises_OnRegion_and_the_active_one_is_expanded()
    {
        RegionCode? chosen = null;
        var cut = Render<WorldMap>(p => p
            .Add(x => x.Regions, Regions)
            .Add(x => x.Counts, new Dictionary<RegionCode, int> { [UsWest2] = 3, [UsEast1] = 2 })
            .Add(x => x.ActiveRegion, UsEast1)
            .Add(x => x.OnRegion, r => chosen = r));

        cut.Find("[data-testid=map-region-marker-us-west-2]").Click();

        Assert.Equal(UsWest2, chosen);
        Assert.Equal("true", cut.Find("[data-testid=map-region-marker-us-east-1]").GetAttribute("aria-expanded"));
        Assert.Equal("false", cut.Find("[data-testid=map-region-marker-us-west-2]").GetAttribute("aria-expanded"));
        Assert.Equal("dataset-browser", cut.Find("[data-testid=map-region-marker-us-west-2]").GetAttribute("aria-controls"));
    }

    [Fact]
    public void Markers_of_every_region_with_data_never_overlap_and_displaced_ones_get_a_leader_line()
    {
        // Every AWS region at once: the crowded ones (us-east-1/2, eu-west-1/2/3, eu-central-1/2) must make way.
        var counts = AwsRegions.All.ToDictionary(r => r.Code, _ => 5);
        var cut = RenderMap(counts);

        var centres = cut.FindAll("button.region-marker").Select(b => Centre(b.GetAttribute("style")!)).ToList();
        Assert.Equal(AwsRegions.All.Count, centres.Count);
        var diameter = WorldMap.MarkerShare * Geometry.Width;
        for (var i = 0; i < centres.Count; i++)
        {
            for (var j = i + 1; j < centres.Count; j++)
            {
                var distance = Math.Sqrt(Math.Pow(centres[i].X - centres[j].X, 2) + Math.Pow(centres[i].Y - centres[j].Y, 2));
                Assert.True(distance >= diameter - 0.01, $"markers {i} and {j} are {distance:0.0} apart, less than {diameter:0.0}");
            }
        }

        Assert.NotEmpty(cut.FindAll("line.leader"));
    }

    [Fact]
    public void A_lone_marker_sits_on_its_region()
    {
        var cut = RenderMap(new() { [UsEast1] = 4 });

        var (x, y) = Geometry.Project(39.04, -77.49);
        var centre = Centre(cut.Find("[data-testid=map-region-marker-us-east-1]").GetAttribute("style")!);
        Assert.Equal(x, centre.X, 0.5);
        Assert.Equal(y, centre.Y, 0.5);
        Assert.Empty(cut.FindAll("line.leader"));
    }

    [Fact]
    public void Marks_the_home_region_distinctly_from_worker_regions()
    {
        var cut = RenderMap(new() { [UsEast1] = 1 });

        var home = cut.Find("[data-testid=map-region-eu-west-2]");
        var worker = cut.Find("[data-testid=map-region-us-east-1]");
        Assert.Contains("region-home", home.ClassList);
        Assert.Contains("region-worker", worker.ClassList);
        Assert.Single(home.QuerySelectorAll("circle.region-ring"));
        Assert.Empty(worker.QuerySelectorAll("circle.region-ring"));
        Assert.Contains("home region", home.QuerySelector("title")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("eu-west-2 (home)", home.QuerySelector("text")!.TextContent);
    }

    [Fact]
    public void Keeps_the_markers_disabled_until_the_circuit_is_interactive_or_when_asked()
    {
        SetRendererInfo(new RendererInfo("Static", isInteractive: false));
        Assert.True(RenderMap(new() { [UsEast1] = 1 }).Find("button.region-marker").HasAttribute("disabled"));

        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        var disabled = Render<WorldMap>(p => p.Add(x => x.Regions, Regions)
            .Add(x => x.Counts, new Dictionary<RegionCode, int> { [UsEast1] = 1 }).Add(x => x.Disabled, true));
        Assert.True(disabled.Find("button.region-marker").HasAttribute("disabled"));
    }

    [Fact]
    public void Builds_the_country_markup_once_per_geometry()
    {
        var first = WorldMap.GetCountriesMarkup(Geometry);

        Assert.Same(first, WorldMap.GetCountriesMarkup(Geometry));
        Assert.Contains("<title>United Kingdom</title>", first, StringComparison.Ordinal);
    }

    [Fact]
    public void Writes_numbers_with_a_dot_in_any_culture()
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("fr-FR");
        try
        {
            var cut = RenderMap(new() { [UsEast1] = 1500 });

            Assert.Matches(@"^translate\(\d+(\.\d)? \d+(\.\d)?\)$", cut.Find("[data-testid=map-region-us-east-1]").GetAttribute("transform")!);
            Assert.Matches(@"^left: \d+(\.\d+)?%; top: \d+(\.\d+)?%$", cut.Find("button.region-marker").GetAttribute("style")!);
            Assert.Equal("1.5k", cut.Find(".marker-count").TextContent);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    private static (double X, double Y) Centre(string style)
    {
        var match = System.Text.RegularExpressions.Regex.Match(style, @"left: ([\d.]+)%; top: ([\d.]+)%");
        return (double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) * Geometry.Width / 100,
            double.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture) * Geometry.Height / 100);
    }

    [Fact]
    public void A_disabled_worker_region_is_greyed_labelled_disabled_and_its_datasets_marker_says_so()
    {
        var regions = RegionCatalog.Default.WithEnabled(UsEast1, enabled: false).All;

        var cut = Render<WorldMap>(p => p.Add(x => x.Regions, regions).Add(x => x.Counts, new Dictionary<RegionCode, int> { [UsEast1] = 2, [UsWest2] = 1 }));

        var dot = cut.Find("[data-testid=map-region-us-east-1]");
        Assert.Contains("region-disabled", dot.ClassList);
        Assert.Equal("false", dot.GetAttribute("data-enabled"));
        Assert.Equal("disabled", cut.Find("[data-testid=map-region-disabled-us-east-1]").TextContent);
        Assert.Equal("US East (N. Virginia), us-east-1: worker region, disabled by an admin (no new workers)", dot.QuerySelector("title")!.TextContent);
        var marker = cut.Find("[data-testid=map-region-marker-us-east-1]");
        Assert.Equal("2 datasets in us-east-1, US East (N. Virginia), worker region disabled by an admin", marker.GetAttribute("title"));
        Assert.Contains("disabled", marker.ClassList);
        Assert.Contains("no-workers", marker.ClassList);
        // The enabled worker region is drawn as before.
        Assert.Empty(cut.FindAll("[data-testid=map-region-disabled-us-west-2]"));
        Assert.Equal("true", cut.Find("[data-testid=map-region-us-west-2]").GetAttribute("data-enabled"));
        Assert.DoesNotContain("disabled", cut.Find("[data-testid=map-region-marker-us-west-2]").ClassList);
    }

    private IRenderedComponent<WorldMap> RenderMap(Dictionary<RegionCode, int> counts, Dictionary<RegionCode, int>? selected = null) =>
        Render<WorldMap>(p =>
        {
            p.Add(x => x.Regions, Regions).Add(x => x.Counts, counts);
            if (selected is not null)
            {
                p.Add(x => x.SelectedCounts, selected);
            }
        });
}
