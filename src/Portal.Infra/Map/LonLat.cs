namespace Portal.Infra.Map;

/// <summary>A position in degrees, longitude first as in GeoJSON and TopoJSON.</summary>
internal readonly record struct LonLat(double Longitude, double Latitude);
