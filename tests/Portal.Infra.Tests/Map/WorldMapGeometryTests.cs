using System.Diagnostics;
using System.Text.Json;
using Portal.Infra.Map;

namespace Portal.Infra.Tests.Map;

public sealed class WorldMapGeometryTests
{
    // Every region of shared/reference/aws/aws_region_coordinates.csv: code, latitude, longitude.
    public static readonly TheoryData<string, double, double> AwsRegions = new()
    {
        { "us-east-1", 39.04, -77.49 },
        { "us-east-2", 40.06, -83.18 },
        { "us-west-1", 37.39, -121.96 },
        { "us-west-2", 45.46, -119.63 },
        { "af-south-1", -33.92, 18.42 },
        { "ap-east-1", 22.30, 114.18 },
        { "ap-east-2", 25.03, 121.57 },
        { "ap-northeast-1", 35.69, 139.69 },
        { "ap-northeast-2", 37.53, 127.02 },
        { "ap-northeast-3", 34.67, 135.50 },
        { "ap-south-1", 19.08, 72.88 },
        { "ap-south-2", 17.39, 78.49 },
        { "ap-southeast-1", 1.29, 103.85 },
        { "ap-southeast-2", -33.87, 151.21 },
        { "ap-southeast-3", -6.21, 106.85 },
        { "ap-southeast-4", -37.81, 144.96 },
        { "ap-southeast-5", 3.14, 101.69 },
        { "ap-southeast-6", -36.85, 174.76 },
        { "ap-southeast-7", 13.76, 100.50 },
        { "ca-central-1", 45.51, -73.59 },
        { "ca-west-1", 51.05, -114.07 },
        { "eu-central-1", 50.11, 8.68 },
        { "eu-central-2", 47.37, 8.54 },
        { "eu-north-1", 59.33, 18.06 },
        { "eu-south-1", 45.46, 9.19 },
        { "eu-south-2", 41.65, -0.89 },
        { "eu-west-1", 53.35, -6.27 },
        { "eu-west-2", 51.51, -0.12 },
        { "eu-west-3", 48.86, 2.35 },
        { "il-central-1", 32.09, 34.78 },
        { "me-central-1", 25.20, 55.27 },
        { "me-south-1", 25.94, 50.60 },
        { "mx-central-1", 20.59, -100.39 },
        { "sa-east-1", -23.53, -46.63 },
    };

    private static readonly WorldMapGeometry Map = WorldMapGeometry.Load();

    [Fact]
    public void Has_one_country_per_geometry_in_the_embedded_file()
    {
        var assembly = typeof(WorldMapGeometry).Assembly;
        var resource = Assert.Single(assembly.GetManifestResourceNames(), n => n.EndsWith("countries-110m.json", StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var json = JsonDocument.Parse(stream);
        var geometries = json.RootElement.GetProperty("objects").GetProperty("countries").GetProperty("geometries");

        Assert.Equal(geometries.GetArrayLength(), Map.Countries.Count);
        Assert.Equal(177, Map.Countries.Count);
    }

    [Fact]
    public void Gives_every_country_a_name_and_path_data()
    {
        Assert.All(Map.Countries, c =>
        {
            Assert.False(string.IsNullOrWhiteSpace(c.Name));
            Assert.StartsWith("M", c.PathData, StringComparison.Ordinal);
            Assert.EndsWith("Z", c.PathData, StringComparison.Ordinal);
        });
        Assert.Contains(Map.Countries, c => c is { Id: "826", Name: "United Kingdom" });
    }

    [Fact]
    public void Uses_a_1000_by_520_view_box()
    {
        Assert.Equal(1000, Map.Width);
        Assert.Equal(520, Map.Height);
    }

    [Fact]
    public void No_path_segment_is_longer_than_half_the_map_width()
    {
        var limit = Map.Width / 2.0;
        foreach (var country in Map.Countries)
        {
            foreach (var ring in SvgPathData.Parse(country.PathData))
            {
                // Including the closing segment that Z draws back to the start.
                for (int i = 0, j = ring.Count - 1; i < ring.Count; j = i++)
                {
                    var length = Math.Abs(ring[i].X - ring[j].X);
                    Assert.True(length <= limit, $"{country.Name}: a {length:F0}-unit segment at {ring[j]} -> {ring[i]}");
                }
            }
        }
    }

    [Fact]
    public void Keeps_segments_short_even_across_the_antimeridian()
    {
        // With the cut, no edge of Russia, Fiji or Antarctica is longer than a tenth of the map.
        foreach (var name in new[] { "Russia", "Fiji", "Antarctica" })
        {
            var country = Assert.Single(Map.Countries, c => c.Name == name);
            var longest = SvgPathData.Parse(country.PathData)
                .SelectMany(ring => ring.Zip(ring.Skip(1).Append(ring[0]), (a, b) => Math.Abs(a.X - b.X)))
                .Max();
            Assert.True(longest < Map.Width / 10.0, $"{name}: longest horizontal step {longest:F1}");
        }
    }

    [Fact]
    public void Draws_every_country_inside_the_view_box()
    {
        Assert.All(Map.Countries.SelectMany(c => SvgPathData.Parse(c.PathData)).SelectMany(ring => ring), p =>
        {
            Assert.InRange(p.X, 0, Map.Width);
            Assert.InRange(p.Y, 0, Map.Height);
        });
    }

    [Fact]
    public void Fills_antarctica_down_to_the_bottom_of_the_globe()
    {
        var antarctica = Assert.Single(Map.Countries, c => c.Name == "Antarctica");
        var (_, southPoleY) = Map.Project(-90, 0);

        Assert.True(SvgPathData.Contains(antarctica.PathData, Map.Project(-88, 0)));
        Assert.True(SvgPathData.Contains(antarctica.PathData, Map.Project(-88, 179)));
        Assert.Equal(southPoleY, SvgPathData.Parse(antarctica.PathData).SelectMany(r => r).Max(p => p.Y), 1);
    }

    [Theory]
    [MemberData(nameof(AwsRegions))]
    public void Every_aws_region_lands_on_land_inside_the_view_box(string region, double latitude, double longitude)
    {
        var point = Map.Project(latitude, longitude);

        Assert.InRange(point.X, 0, Map.Width);
        Assert.InRange(point.Y, 0, Map.Height);
        Assert.True(SvgPathData.Contains(Map.OutlinePathData, point), $"{region} is outside the globe");
        // 1:110m coasts are coarse: Singapore, Hong Kong or Mumbai sit just off them. A few units is under 2 degrees.
        var onLand = Map.Countries.Any(c => SvgPathData.Contains(c.PathData, point));
        var nearest = Map.Countries.Min(c => SvgPathData.DistanceToEdge(c.PathData, point));
        Assert.True(onLand || nearest < 4, $"{region} at {point} is {nearest:F1} units off the nearest coast");
    }

    [Theory]
    [InlineData(39.04, -77.49, "United States of America")]
    [InlineData(51.51, -0.12, "United Kingdom")]
    [InlineData(50.11, 8.68, "Germany")]
    [InlineData(-33.87, 151.21, "Australia")]
    [InlineData(-23.53, -46.63, "Brazil")]
    [InlineData(-33.92, 18.42, "South Africa")]
    [InlineData(35.69, 139.69, "Japan")]
    [InlineData(64.5, 177, "Russia")]
    [InlineData(66, -175, "Russia")]
    public void Places_a_point_inside_its_country(double latitude, double longitude, string country)
    {
        var point = Map.Project(latitude, longitude);

        var containing = Map.Countries.Where(c => SvgPathData.Contains(c.PathData, point)).Select(c => c.Name);

        Assert.Equal(country, Assert.Single(containing));
    }

    [Fact]
    public void Leaves_lesotho_as_a_hole_in_south_africa()
    {
        var southAfrica = Assert.Single(Map.Countries, c => c.Name == "South Africa");
        var maseru = Map.Project(-29.6, 28.2);

        Assert.False(SvgPathData.Contains(southAfrica.PathData, maseru));
        Assert.True(SvgPathData.Contains(Assert.Single(Map.Countries, c => c.Name == "Lesotho").PathData, maseru));
    }

    [Theory]
    [InlineData(91, 0)]
    [InlineData(0, -181)]
    [InlineData(double.NaN, 0)]
    public void Rejects_coordinates_off_the_globe(double latitude, double longitude)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Map.Project(latitude, longitude));
    }

    [Fact]
    public void Decodes_and_builds_every_path_well_within_a_second()
    {
        var stopwatch = Stopwatch.StartNew();
        var map = WorldMapGeometry.Load();
        stopwatch.Stop();

        TestContext.Current.TestOutputHelper?.WriteLine(
            $"WorldMapGeometry.Load(): {stopwatch.Elapsed.TotalMilliseconds:F1} ms, {map.Countries.Sum(c => c.PathData.Length)} characters of path data");
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(2), $"took {stopwatch.Elapsed}");
    }
}
