namespace Portal.Infra.Map;

/// <summary>
/// The Natural Earth I projection (Šavrič, Jenny, Patterson and Jenny, 2011), with the polynomial
/// coefficients of d3-geo's <c>geoNaturalEarth1Raw</c>, scaled and centred so the whole sphere fits a
/// width x height view box inside the given padding (as d3's <c>fitExtent</c> does with the sphere).
/// Screen y grows downwards.
/// </summary>
internal sealed class NaturalEarthProjection
{
    private const double DegreesToRadians = Math.PI / 180;

    public NaturalEarthProjection(double width, double height, double padding)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width - 2 * padding, nameof(width));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height - 2 * padding, nameof(height));

        // The sphere's projected bounds: widest at the equator, tallest at the poles.
        Scale = Math.Min((width - 2 * padding) / (2 * MaxRawX), (height - 2 * padding) / (2 * MaxRawY));
        TranslateX = width / 2;
        TranslateY = height / 2;
    }

    /// <summary>Half the sphere's raw width: <c>x</c> of (180°E, 0°).</summary>
    public static double MaxRawX { get; } = Raw(Math.PI, 0).X;

    /// <summary>Half the sphere's raw height: <c>y</c> of the North Pole.</summary>
    public static double MaxRawY { get; } = Raw(0, Math.PI / 2).Y;

    public double Scale { get; }

    public double TranslateX { get; }

    public double TranslateY { get; }

    /// <summary>The unscaled projection of <paramref name="lambda"/>, <paramref name="phi"/> in radians; y grows northwards.</summary>
    public static (double X, double Y) Raw(double lambda, double phi)
    {
        var phi2 = phi * phi;
        var phi4 = phi2 * phi2;
        return (
            lambda * (0.8707 - 0.131979 * phi2 + phi4 * (-0.013791 + phi4 * (0.003971 * phi2 - 0.001529 * phi4))),
            phi * (1.007226 + phi2 * (0.015085 + phi4 * (-0.044475 + 0.028874 * phi2 - 0.005916 * phi4))));
    }

    public (double X, double Y) Project(double longitude, double latitude)
    {
        var (x, y) = Raw(longitude * DegreesToRadians, latitude * DegreesToRadians);
        return (TranslateX + Scale * x, TranslateY - Scale * y);
    }
}
