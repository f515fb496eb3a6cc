using Portal.Infra.Map;

namespace Portal.Infra.Tests.Map;

public sealed class AntimeridianCutterTests
{
    [Fact]
    public void Leaves_a_ring_that_does_not_cross_unchanged()
    {
        LonLat[] ring = [new(0, 0), new(10, 0), new(10, 10), new(0, 0)];

        var piece = Assert.Single(AntimeridianCutter.Cut(ring));

        Assert.Same(ring, piece);
    }

    [Fact]
    public void Cuts_a_ring_crossing_the_antimeridian_into_an_east_and_a_west_piece()
    {
        // Like Fiji: a square from 170°E to 170°W.
        LonLat[] ring = [new(170, -10), new(-170, -10), new(-170, -20), new(170, -20), new(170, -10)];

        var pieces = AntimeridianCutter.Cut(ring);

        Assert.Equal(2, pieces.Count);
        var east = Assert.Single(pieces, p => p.Any(q => q.Longitude == 170));
        var west = Assert.Single(pieces, p => p.Any(q => q.Longitude == -170));
        Assert.All(east, q => Assert.InRange(q.Longitude, 170, 180));
        Assert.All(west, q => Assert.InRange(q.Longitude, -180, -170));
        Assert.Contains(new LonLat(180, -15), east);
        Assert.Contains(new LonLat(-180, -15), west);
        Assert.All(pieces, p => Assert.Equal(p[0], p[^1]));
    }

    [Fact]
    public void Follows_the_antimeridian_in_small_steps_along_the_cut()
    {
        LonLat[] ring = [new(170, 50), new(-170, 50), new(-170, 70), new(170, 70), new(170, 50)];

        var pieces = AntimeridianCutter.Cut(ring);

        var alongCut = pieces.SelectMany(p => p).Where(q => Math.Abs(q.Longitude) == 180).ToList();
        Assert.True(alongCut.Count >= 2 * 20, $"expected a point per degree on both sides, got {alongCut.Count}");
    }

    [Fact]
    public void Closes_a_ring_around_the_south_pole_along_the_bottom_of_the_map()
    {
        // Like Antarctica: the coast runs once around the pole and steps from 180° back to -180°.
        LonLat[] ring = [new(-180, -70), new(-60, -65), new(60, -72), new(180, -70), new(-180, -70)];

        var piece = Assert.Single(AntimeridianCutter.Cut(ring));

        Assert.All(piece, q => Assert.InRange(q.Longitude, -180, 180));
        var polePoints = piece.Where(q => q.Latitude == -90).ToList();
        Assert.Contains(polePoints, q => q.Longitude == 180);
        Assert.Contains(polePoints, q => q.Longitude == -180);
        Assert.True(polePoints.Count > 10, "the pole line is densified so no segment spans the map");
        for (var i = 1; i < piece.Length; i++)
        {
            Assert.True(Math.Abs(piece[i].Longitude - piece[i - 1].Longitude) <= 120, $"long step at {i}");
        }
    }

    [Fact]
    public void Cuts_a_concave_ring_crossing_twice_without_losing_its_far_side()
    {
        // Like Chukotka: the main body west of 180° and a hooked tip east of it.
        LonLat[] ring =
        [
            new(170, 60), new(178, 60), new(-175, 62), new(-172, 66), new(-178, 64), new(179, 68), new(170, 68), new(170, 60),
        ];

        var pieces = AntimeridianCutter.Cut(ring);

        Assert.Contains(pieces, p => p.Contains(new LonLat(-172, 66)));
        Assert.Contains(pieces, p => p.Contains(new LonLat(170, 68)));
        Assert.All(pieces.SelectMany(p => p), q => Assert.InRange(q.Longitude, -180, 180));
    }
}
