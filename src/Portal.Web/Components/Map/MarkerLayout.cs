namespace Portal.Web.Components.Map;

/// <summary>
/// Places round markers of one diameter near their points without any two overlapping: each marker, the busiest first,
/// takes its own point if free, else the nearest free spot on rings around it (8 directions per ring). Works in map
/// units, so markers sized as a share of the map's width (see the scoped CSS) never overlap at any screen width.
/// </summary>
internal static class MarkerLayout
{
    private static readonly (double X, double Y)[] Directions =
        [.. Enumerable.Range(0, 8).Select(i => (Math.Cos(i * Math.PI / 4 - Math.PI / 2), Math.Sin(i * Math.PI / 4 - Math.PI / 2)))];

    /// <param name="points">The points to mark, in the order of priority (the first keeps its point).</param>
    /// <param name="diameter">The markers' diameter, in map units.</param>
    /// <param name="width">The map's width: spots outside the map are not taken.</param>
    /// <param name="height">The map's height.</param>
    /// <returns>The centre of each marker, in the order of <paramref name="points"/>.</returns>
    public static IReadOnlyList<(double X, double Y)> Place(IReadOnlyList<(double X, double Y)> points, double diameter, double width, double height)
    {
        ArgumentNullException.ThrowIfNull(points);
        var placed = new List<(double X, double Y)>(points.Count);
        var radius = diameter / 2;
        foreach (var point in points)
        {
            var spot = Candidates(point, diameter)
                .Select(c => (X: Math.Clamp(c.X, radius, width - radius), Y: Math.Clamp(c.Y, radius, height - radius)))
                .FirstOrDefault(c => placed.All(p => Distance(p, c) >= diameter), Farthest(point, placed, diameter));
            placed.Add(spot);
        }

        return placed;
    }

    private static IEnumerable<(double X, double Y)> Candidates((double X, double Y) point, double diameter)
    {
        yield return point;
        for (var ring = 1; ring <= 12; ring++)
        {
            // A little more than a diameter per ring, so a marker pushed out clears the one it made way for.
            var step = ring * diameter * 1.05;
            foreach (var (dx, dy) in Directions)
            {
                yield return (point.X + dx * step, point.Y + dy * step);
            }
        }
    }

    /// <summary>Never expected on a world map with tens of regions: the spot straight below, past every marker.</summary>
    private static (double X, double Y) Farthest((double X, double Y) point, List<(double X, double Y)> placed, double diameter) =>
        (point.X, placed.Count == 0 ? point.Y : placed.Max(p => p.Y) + diameter);

    private static double Distance((double X, double Y) a, (double X, double Y) b) => Math.Sqrt(((a.X - b.X) * (a.X - b.X)) + ((a.Y - b.Y) * (a.Y - b.Y)));
}
