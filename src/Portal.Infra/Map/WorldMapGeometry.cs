using System.Text;
using Portal.Domain.Regions;

namespace Portal.Infra.Map;

/// <summary>
/// The world map's static geometry: every Natural Earth 1:110m country as SVG path data in a
/// <see cref="Width"/> x <see cref="Height"/> view box, projected with Natural Earth I, plus the projection
/// itself for placing markers. Building it decodes the embedded TopoJSON and writes every path, so create it
/// once per process (<see cref="Load"/>) and share it as a singleton; it is immutable and thread-safe.
/// </summary>
public sealed class WorldMapGeometry : IWorldMap
{
    /// <summary>The view box width, in SVG user units.</summary>
    public const int DefaultWidth = 1000;

    /// <summary>The view box height: the projected sphere is about 1.92 times wider than tall, plus padding.</summary>
    public const int DefaultHeight = 520;

    private const double Padding = 8;
    private const string ResourceSuffix = ".Map.countries-110m.json";
    private const string CountriesObject = "countries";

    private readonly NaturalEarthProjection _projection;

    private WorldMapGeometry(IReadOnlyList<TopoFeature> features, int width, int height)
    {
        Width = width;
        Height = height;
        _projection = new NaturalEarthProjection(width, height, Padding);
        Countries = [.. features.Select(f => new CountryShape(f.Id, f.Name, SvgPathBuilder.Build(f.Polygons, _projection)))];
        OutlinePathData = BuildOutline(_projection);
    }

    /// <summary>The countries in file order, one entry per TopoJSON geometry.</summary>
    public IReadOnlyList<CountryShape> Countries { get; }

    /// <summary>The view box width in SVG user units.</summary>
    public int Width { get; }

    /// <summary>The view box height in SVG user units.</summary>
    public int Height { get; }

    /// <summary>Path data for the outline of the projected globe (the ocean).</summary>
    public string OutlinePathData { get; }

    /// <summary>Decodes the embedded Natural Earth 1:110m countries and builds every path. No network access.</summary>
    public static WorldMapGeometry Load()
    {
        var assembly = typeof(WorldMapGeometry).Assembly;
        var resource = assembly.GetManifestResourceNames().Single(n => n.EndsWith(ResourceSuffix, StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The embedded resource {resource} cannot be opened.");
        return new WorldMapGeometry(TopoJsonReader.Read(stream, CountriesObject), DefaultWidth, DefaultHeight);
    }

    /// <summary>Where a point on the globe lands in the view box (x to the right, y downwards).</summary>
    public (double X, double Y) Project(double latitude, double longitude)
    {
        if (latitude is < -90 or > 90 || double.IsNaN(latitude))
        {
            throw new ArgumentOutOfRangeException(nameof(latitude), latitude, "Latitude must be within -90..90.");
        }

        if (longitude is < -180 or > 180 || double.IsNaN(longitude))
        {
            throw new ArgumentOutOfRangeException(nameof(longitude), longitude, "Longitude must be within -180..180.");
        }

        return _projection.Project(longitude, latitude);
    }

    private static string BuildOutline(NaturalEarthProjection projection)
    {
        // East edge from the North Pole to the South Pole, then the west edge back; the poles are straight lines.
        var builder = new StringBuilder();
        for (var latitude = 90; latitude >= -90; latitude--)
        {
            Append(builder, latitude == 90 ? 'M' : 'L', projection.Project(180, latitude));
        }

        for (var latitude = -90; latitude <= 90; latitude++)
        {
            Append(builder, 'L', projection.Project(-180, latitude));
        }

        return builder.Append('Z').ToString();

        static void Append(StringBuilder builder, char command, (double X, double Y) point) =>
            SvgPathBuilder.AppendPoint(builder.Append(command), point.X, point.Y);
    }
}
