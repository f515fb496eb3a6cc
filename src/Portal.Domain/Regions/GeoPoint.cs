namespace Portal.Domain.Regions;

/// <summary>A point on the globe in degrees (WGS 84).</summary>
public readonly record struct GeoPoint
{
    public GeoPoint(double latitude, double longitude)
    {
        if (latitude is < -90 or > 90 || double.IsNaN(latitude))
        {
            throw new DomainException($"Latitude {latitude} is outside -90..90.");
        }

        if (longitude is < -180 or > 180 || double.IsNaN(longitude))
        {
            throw new DomainException($"Longitude {longitude} is outside -180..180.");
        }

        Latitude = latitude;
        Longitude = longitude;
    }

    public double Latitude { get; }

    public double Longitude { get; }
}
