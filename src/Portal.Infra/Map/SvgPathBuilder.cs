using System.Globalization;
using System.Text;

namespace Portal.Infra.Map;

/// <summary>
/// Writes projected rings as compact SVG path data: <c>M x,y L x,y x,y … Z</c> per ring, coordinates rounded
/// to one decimal (a tenth of a view-box unit is far below a pixel) and repeated points dropped.
/// Holes are separate subpaths; draw with <c>fill-rule="evenodd"</c> so they stay empty whatever their winding.
/// </summary>
internal static class SvgPathBuilder
{
    public static string Build(IEnumerable<IReadOnlyList<LonLat[]>> polygons, NaturalEarthProjection projection)
    {
        ArgumentNullException.ThrowIfNull(polygons);
        ArgumentNullException.ThrowIfNull(projection);
        var builder = new StringBuilder();
        foreach (var ring in polygons.SelectMany(rings => rings).SelectMany(AntimeridianCutter.Cut))
        {
            AppendRing(builder, ring, projection);
        }

        return builder.ToString();
    }

    private static void AppendRing(StringBuilder builder, LonLat[] ring, NaturalEarthProjection projection)
    {
        var points = new List<(double X, double Y)>(ring.Length);
        foreach (var position in ring)
        {
            var (x, y) = projection.Project(position.Longitude, position.Latitude);
            var rounded = (Round(x), Round(y));
            if (points.Count == 0 || points[^1] != rounded)
            {
                points.Add(rounded);
            }
        }

        // The closing point is implied by Z.
        if (points.Count > 1 && points[^1] == points[0])
        {
            points.RemoveAt(points.Count - 1);
        }

        if (points.Count < 3)
        {
            return;
        }

        for (var i = 0; i < points.Count; i++)
        {
            builder.Append(i switch { 0 => 'M', 1 => 'L', _ => ' ' });
            AppendPoint(builder, points[i].X, points[i].Y);
        }

        builder.Append('Z');
    }

    // Adding 0 turns -0 into 0, so "-0" never appears in the markup.
    private static double Round(double value) => Math.Round(value, 1, MidpointRounding.AwayFromZero) + 0d;

    internal static StringBuilder AppendPoint(StringBuilder builder, double x, double y) =>
        builder.Append(Round(x).ToString("0.#", CultureInfo.InvariantCulture))
            .Append(',')
            .Append(Round(y).ToString("0.#", CultureInfo.InvariantCulture));
}
