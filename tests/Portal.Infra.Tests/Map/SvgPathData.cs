using System.Globalization;

namespace Portal.Infra.Tests.Map;

/// <summary>Reads back the <c>M x,y L x,y x,y … Z</c> path data the map writes, one list of points per subpath.</summary>
internal static class SvgPathData
{
    public static List<List<(double X, double Y)>> Parse(string pathData) =>
        [.. pathData
            .Split('M', StringSplitOptions.RemoveEmptyEntries)
            .Select(subpath => subpath
                .TrimEnd('Z')
                .Replace('L', ' ')
                .Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Select(pair => pair.Split(','))
                .Select(xy => (double.Parse(xy[0], CultureInfo.InvariantCulture), double.Parse(xy[1], CultureInfo.InvariantCulture)))
                .ToList())];

    /// <summary>Even-odd point-in-polygon over every subpath, as <c>fill-rule="evenodd"</c> paints it.</summary>
    public static bool Contains(string pathData, (double X, double Y) point)
    {
        var inside = false;
        foreach (var ring in Parse(pathData))
        {
            for (int i = 0, j = ring.Count - 1; i < ring.Count; j = i++)
            {
                var (a, b) = (ring[i], ring[j]);
                if ((a.Y > point.Y) != (b.Y > point.Y)
                    && point.X < (b.X - a.X) * (point.Y - a.Y) / (b.Y - a.Y) + a.X)
                {
                    inside = !inside;
                }
            }
        }

        return inside;
    }

    /// <summary>The distance from a point to the nearest edge of any subpath.</summary>
    public static double DistanceToEdge(string pathData, (double X, double Y) point)
    {
        var best = double.MaxValue;
        foreach (var ring in Parse(pathData))
        {
            for (int i = 0, j = ring.Count - 1; i < ring.Count; j = i++)
            {
                best = Math.Min(best, DistanceToSegment(point, ring[j], ring[i]));
            }
        }

        return best;
    }

    private static double DistanceToSegment((double X, double Y) p, (double X, double Y) a, (double X, double Y) b)
    {
        var (dx, dy) = (b.X - a.X, b.Y - a.Y);
        var lengthSquared = dx * dx + dy * dy;
        var t = lengthSquared == 0 ? 0 : Math.Clamp(((p.X - a.X) * dx + (p.Y - a.Y) * dy) / lengthSquared, 0, 1);
        return Math.Sqrt(Math.Pow(p.X - (a.X + t * dx), 2) + Math.Pow(p.Y - (a.Y + t * dy), 2));
    }
}
