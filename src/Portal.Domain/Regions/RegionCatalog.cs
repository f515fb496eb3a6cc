namespace Portal.Domain.Regions;

/// <summary>The regions the portal knows: exactly one home region and any number of worker regions, with CIDRs that never overlap.</summary>
public sealed class RegionCatalog
{
    private readonly Dictionary<RegionCode, Region> _byCode;

    public RegionCatalog(IEnumerable<Region> regions)
    {
        ArgumentNullException.ThrowIfNull(regions);
        var list = regions.ToList();
        _byCode = [];
        foreach (var region in list)
        {
            if (!_byCode.TryAdd(region.Code, region))
            {
                throw new DomainException($"Region {region.Code} is listed twice.");
            }
        }

        var homes = list.Where(r => r.Role == RegionRole.Home).ToList();
        if (homes.Count != 1)
        {
            throw new DomainException($"Exactly one home region is needed; found {homes.Count}.");
        }

        for (var i = 0; i < list.Count; i++)
        {
            for (var j = i + 1; j < list.Count; j++)
            {
                if (list[i].Cidr.Overlaps(list[j].Cidr))
                {
                    throw new DomainException(
                        $"The CIDR of {list[i].Code} ({list[i].Cidr}) overlaps the CIDR of {list[j].Code} ({list[j].Cidr}).");
                }
            }
        }

        Home = homes[0];
        All = list;
    }

    /// <summary>
    /// The walking-skeleton topology: home eu-west-2 (the sample's client region), workers next to ERA5
    /// (us-east-1) and CMIP6 (us-west-2). Coordinates from shared/reference/aws/aws_region_coordinates.csv.
    /// </summary>
    public static RegionCatalog Default { get; } = new([
        new Region(RegionCode.Parse("eu-west-2"), "Europe (London)", new GeoPoint(51.51, -0.12), RegionRole.Home, Cidr.Parse("10.0.0.0/16")),
        new Region(RegionCode.Parse("us-east-1"), "US East (N. Virginia)", new GeoPoint(39.04, -77.49), RegionRole.Worker, Cidr.Parse("10.1.0.0/16")),
        new Region(RegionCode.Parse("us-west-2"), "US West (Oregon)", new GeoPoint(45.46, -119.63), RegionRole.Worker, Cidr.Parse("10.2.0.0/16")),
    ]);

    public Region Home { get; }

    public IReadOnlyList<Region> All { get; }

    public IEnumerable<Region> Workers => All.Where(r => r.Role == RegionRole.Worker);

    public Region Get(RegionCode code) =>
        _byCode.TryGetValue(code, out var region)
            ? region
            : throw new DomainException($"Region {code} is not configured.");

    public bool Contains(RegionCode code) => _byCode.ContainsKey(code);
}
