namespace Portal.Domain.Regions;

/// <summary>The world map's static geometry: countries as SVG paths in a view box, and the projection for markers.</summary>
public interface IWorldMap
{
    /// <summary>The countries, one entry per Natural Earth unit.</summary>
    IReadOnlyList<CountryShape> Countries { get; }

    /// <summary>The view box width in SVG user units.</summary>
    int Width { get; }

    /// <summary>The view box height in SVG user units.</summary>
    int Height { get; }

    /// <summary>Path data for the outline of the projected globe (the ocean).</summary>
    string OutlinePathData { get; }

    /// <summary>Where a point on the globe lands in the view box (x to the right, y downwards).</summary>
    (double X, double Y) Project(double latitude, double longitude);
}
