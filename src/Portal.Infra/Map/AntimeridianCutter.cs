namespace Portal.Infra.Map;

/// <summary>
/// Makes rings drawable on a flat map whose edges are the antimeridian. A ring that steps from +180° to
/// -180° (Fiji, Chukotka, Wrangel Island) is unwrapped into continuous longitudes, clipped into 360°-wide
/// bands and each piece shifted back into -180°..180°. A ring that winds once around a pole (Antarctica) is
/// first closed along the pole, so it fills to the bottom edge instead of drawing a streak across the map.
/// Edges created along the antimeridian or the pole are densified so they follow the projected outline.
/// </summary>
internal static class AntimeridianCutter
{
    private const double MeridianStep = 1;
    private const double PoleStep = 5;
    private const double Epsilon = 1e-9;

    /// <summary>Returns closed rings within -180°..180°; a ring that needs no cut comes back unchanged.</summary>
    public static IReadOnlyList<LonLat[]> Cut(LonLat[] ring)
    {
        ArgumentNullException.ThrowIfNull(ring);
        if (ring.Length < 4 || !CrossesAntimeridian(ring))
        {
            return [ring];
        }

        var unwrapped = Unwrap(ring, out var winding);
        if (Math.Abs(winding) > 180)
        {
            // Encloses a pole: run down the last meridian to the pole, along the pole, and back up.
            var pole = unwrapped.Average(p => p.Latitude) < 0 ? -90d : 90d;
            var first = unwrapped[0];
            var end = first.Longitude + winding;
            unwrapped.Add(new LonLat(end, first.Latitude));
            unwrapped.Add(new LonLat(end, pole));
            unwrapped.Add(new LonLat(first.Longitude, pole));
        }

        // Band k covers 360k-180..360k+180; only bands with more than a boundary point in them matter.
        var minBand = (int)Math.Floor((unwrapped.Min(p => p.Longitude) + 180) / 360 + Epsilon);
        var maxBand = (int)Math.Ceiling((unwrapped.Max(p => p.Longitude) - 180) / 360 - Epsilon);
        var pieces = new List<LonLat[]>();
        for (var band = minBand; band <= maxBand; band++)
        {
            var west = band * 360d - 180;
            var east = band * 360d + 180;
            var clipped = ClipEast(ClipWest(unwrapped, west), east);
            if (clipped.Count < 3 || Math.Abs(TwiceArea(clipped)) < Epsilon)
            {
                continue;
            }

            var shifted = clipped.Select(p => new LonLat(Normalize(p.Longitude - band * 360d), p.Latitude)).ToList();
            pieces.Add(Densify(shifted));
        }

        return pieces;
    }

    private static double TwiceArea(List<LonLat> polygon)
    {
        var sum = 0d;
        var previous = polygon[^1];
        foreach (var current in polygon)
        {
            sum += previous.Longitude * current.Latitude - current.Longitude * previous.Latitude;
            previous = current;
        }

        return sum;
    }

    private static bool CrossesAntimeridian(LonLat[] ring)
    {
        for (var i = 1; i < ring.Length; i++)
        {
            if (Math.Abs(ring[i].Longitude - ring[i - 1].Longitude) > 180)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The open ring with each longitude moved by ±360° to be within 180° of its predecessor.</summary>
    private static List<LonLat> Unwrap(LonLat[] ring, out double winding)
    {
        var count = ring[0] == ring[^1] ? ring.Length - 1 : ring.Length;
        var result = new List<LonLat>(count + 3) { ring[0] };
        var longitude = ring[0].Longitude;
        for (var i = 1; i < count; i++)
        {
            longitude += Wrap(ring[i].Longitude - ring[i - 1].Longitude);
            result.Add(new LonLat(longitude, ring[i].Latitude));
        }

        // The closing step tells whether the ring comes back to its start (0) or winds around a pole (±360).
        winding = longitude + Wrap(ring[0].Longitude - ring[count - 1].Longitude) - ring[0].Longitude;
        return result;
    }

    private static double Wrap(double delta) =>
        delta > 180 ? delta - 360 : delta < -180 ? delta + 360 : delta;

    private static double Normalize(double longitude) => Math.Clamp(longitude, -180, 180);

    private static List<LonLat> ClipWest(List<LonLat> polygon, double west) =>
        ClipLongitude(polygon, west, keepEast: true);

    private static List<LonLat> ClipEast(List<LonLat> polygon, double east) =>
        ClipLongitude(polygon, east, keepEast: false);

    /// <summary>Sutherland–Hodgman against one meridian; exact for a single half-plane, concave rings included.</summary>
    private static List<LonLat> ClipLongitude(List<LonLat> polygon, double meridian, bool keepEast)
    {
        var result = new List<LonLat>(polygon.Count + 4);
        if (polygon.Count == 0)
        {
            return result;
        }

        bool Inside(LonLat p) => keepEast ? p.Longitude >= meridian : p.Longitude <= meridian;

        var previous = polygon[^1];
        foreach (var current in polygon)
        {
            var currentInside = Inside(current);
            if (currentInside != Inside(previous))
            {
                var t = (meridian - previous.Longitude) / (current.Longitude - previous.Longitude);
                result.Add(new LonLat(meridian, previous.Latitude + t * (current.Latitude - previous.Latitude)));
            }

            if (currentInside)
            {
                result.Add(current);
            }

            previous = current;
        }

        return result;
    }

    /// <summary>Closes the ring and adds points along antimeridian and pole edges, which project as curves or long lines.</summary>
    private static LonLat[] Densify(List<LonLat> ring)
    {
        var result = new List<LonLat>(ring.Count * 2);
        for (var i = 0; i < ring.Count; i++)
        {
            var a = ring[i];
            var b = ring[(i + 1) % ring.Count];
            result.Add(a);
            if (Math.Abs(a.Longitude - b.Longitude) < Epsilon && Math.Abs(a.Longitude) > 180 - Epsilon)
            {
                var steps = (int)Math.Ceiling(Math.Abs(b.Latitude - a.Latitude) / MeridianStep);
                for (var s = 1; s < steps; s++)
                {
                    result.Add(new LonLat(a.Longitude, a.Latitude + (b.Latitude - a.Latitude) * s / steps));
                }
            }
            else if (Math.Abs(a.Latitude - b.Latitude) < Epsilon && Math.Abs(a.Latitude) > 90 - Epsilon)
            {
                var steps = (int)Math.Ceiling(Math.Abs(b.Longitude - a.Longitude) / PoleStep);
                for (var s = 1; s < steps; s++)
                {
                    result.Add(new LonLat(a.Longitude + (b.Longitude - a.Longitude) * s / steps, a.Latitude));
                }
            }
        }

        result.Add(ring[0]);
        return [.. result];
    }
}
