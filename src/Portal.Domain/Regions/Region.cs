namespace Portal.Domain.Regions;

/// <summary>An AWS region as the portal uses it: where it is, what it does and its private address block.</summary>
public sealed record Region(RegionCode Code, string DisplayName, GeoPoint Location, RegionRole Role, Cidr Cidr);
