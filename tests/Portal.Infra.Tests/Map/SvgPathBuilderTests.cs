using System.Globalization;
using System.Text;
using Portal.Infra.Map;

namespace Portal.Infra.Tests.Map;

public sealed class SvgPathBuilderTests
{
    private static readonly NaturalEarthProjection Projection = new(1000, 520, 8);

    private static readonly IReadOnlyList<LonLat[]>[] SquareWithHole =
    [
        [
            [new(0, 0), new(20, 0), new(20, 20), new(0, 20), new(0, 0)],
            [new(5, 5), new(5, 15), new(15, 15), new(15, 5), new(5, 5)],
        ],
    ];

    [Fact]
    public void Writes_one_closed_subpath_per_ring()
    {
        var d = SvgPathBuilder.Build(SquareWithHole, Projection);

        Assert.Equal(2, d.Count(c => c == 'M'));
        Assert.Equal(2, d.Count(c => c == 'Z'));
        Assert.StartsWith("M500,260L", d, StringComparison.Ordinal);
    }

    [Fact]
    public void Rounds_to_one_decimal_with_a_dot_whatever_the_current_culture()
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
        try
        {
            var d = SvgPathBuilder.Build(SquareWithHole, Projection);

            var numbers = d.Split('M', 'L', ' ', ',', 'Z').Where(s => s.Length > 0).ToList();
            Assert.All(numbers, n => Assert.Matches(@"^-?\d+(\.\d)?$", n));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Drops_rings_that_collapse_to_fewer_than_three_points()
    {
        IReadOnlyList<LonLat[]>[] speck = [[[new(0, 0), new(0.0001, 0), new(0, 0.0001), new(0, 0)]]];

        Assert.Equal(string.Empty, SvgPathBuilder.Build(speck, Projection));
    }

    [Theory]
    [InlineData(-0.04, 0.04, "0,0")]
    [InlineData(-0.05, 12.34, "-0.1,12.3")]
    [InlineData(999.96, -7, "1000,-7")]
    public void Writes_points_rounded_and_never_as_negative_zero(double x, double y, string expected)
    {
        Assert.Equal(expected, SvgPathBuilder.AppendPoint(new StringBuilder(), x, y).ToString());
    }
}
