using Portal.Infra.Map;

namespace Portal.Infra.Tests.Map;

/// <summary>
/// Expected numbers come from d3-geo 3.1 in node: <c>geoNaturalEarth1Raw</c>, and
/// <c>geoNaturalEarth1().fitExtent([[8, 8], [992, 512]], {type: "Sphere"})</c> (scale 177.166536761574, translate [500, 260]).
/// </summary>
public sealed class NaturalEarthProjectionTests
{
    private const int Precision = 6;
    private readonly NaturalEarthProjection _projection = new(1000, 520, 8);

    [Theory]
    [InlineData(180, 0, 2.735384723480633, 0)]
    [InlineData(0, 90, 0, 1.422390506730596)]
    [InlineData(90, 45, 1.2319937779929164, 0.7930513944125289)]
    [InlineData(-120, -60, -1.4933510236531362, -1.0445702651848194)]
    public void Raw_projection_matches_d3_geo(double longitude, double latitude, double x, double y)
    {
        var raw = NaturalEarthProjection.Raw(longitude * Math.PI / 180, latitude * Math.PI / 180);

        Assert.Equal(x, raw.X, 12);
        Assert.Equal(y, raw.Y, 12);
    }

    [Fact]
    public void Fits_the_sphere_into_the_padded_view_box_like_d3_fitExtent()
    {
        Assert.Equal(177.166536761574, _projection.Scale, 9);
        Assert.Equal(500, _projection.TranslateX);
        Assert.Equal(260, _projection.TranslateY);
    }

    [Theory]
    [InlineData(-0.12, 51.51, 499.719494, 99.733605)]
    [InlineData(8.68, 50.11, 520.463026, 103.937915)]
    [InlineData(151.21, -33.87, 884.763524, 365.882727)]
    [InlineData(-46.63, -23.53, 377.722767, 333.455015)]
    [InlineData(-149.9, 61.22, 172.591950, 71.485708)]
    [InlineData(180, 0, 984.618638, 260)]
    [InlineData(0, 90, 500, 8)]
    public void Projects_like_d3_geo(double longitude, double latitude, double x, double y)
    {
        var (actualX, actualY) = _projection.Project(longitude, latitude);

        Assert.Equal(x, actualX, Precision);
        Assert.Equal(y, actualY, Precision);
    }

    [Fact]
    public void Projects_frankfurt_east_and_london_just_west_of_the_prime_meridian()
    {
        var (greenwichX, _) = _projection.Project(0, 51.48);
        var (londonX, londonY) = _projection.Project(-0.12, 51.51);
        var (frankfurtX, _) = _projection.Project(8.68, 50.11);

        Assert.Equal(500, greenwichX, Precision);
        Assert.InRange(londonX, 499, 500);
        Assert.True(frankfurtX > greenwichX + 10);
        Assert.True(londonY < 260, "the northern hemisphere is drawn above the equator");
    }

    [Fact]
    public void Draws_the_poles_as_lines_shorter_than_the_equator()
    {
        var poleWidth = _projection.Project(180, 90).X - _projection.Project(-180, 90).X;
        var equatorWidth = _projection.Project(180, 0).X - _projection.Project(-180, 0).X;

        Assert.InRange(poleWidth / equatorWidth, 0.5, 0.6);
    }
}
