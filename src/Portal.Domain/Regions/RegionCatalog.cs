namespace Portal.Domain.Regions;

/// <summary>
/// The regions the portal knows: exactly one home region and any number of worker regions, with CIDRs that never
/// overlap. Immutable: a change (<see cref="WithWorker"/>, <see cref="WithEnabled"/>) makes a new catalogue, so a reader
/// holding one never sees it half changed.
/// </summary>
public sealed class RegionCatalog : IRegionDirectory
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

        if (!homes[0].Enabled)
        {
            throw new DomainException(HomeAlwaysEnabled(homes[0]));
        }

        for (var i = 0; i < list.Count; i++)
        {
            if (OverlapOf(list[i].Cidr, list.Take(i)) is { } problem)
            {
                throw new DomainException($"{list[i].Code}: {problem}");
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

    /// <summary>A catalogue never changes: as a directory it is its own current snapshot.</summary>
    RegionCatalog IRegionDirectory.Current => this;

    public Region Home { get; }

    public IReadOnlyList<Region> All { get; }

    /// <summary>Every worker region, disabled ones too (their foundations still exist and are managed).</summary>
    public IEnumerable<Region> Workers => All.Where(r => r.Role == RegionRole.Worker);

    public Region Get(RegionCode code) =>
        _byCode.TryGetValue(code, out var region)
            ? region
            : throw new DomainException($"Region {code} is not configured.");

    public bool Contains(RegionCode code) => _byCode.ContainsKey(code);

    /// <summary>The region, or null when the portal does not know it.</summary>
    public Region? Find(RegionCode code) => _byCode.GetValueOrDefault(code);

    /// <summary>True when new sessions can run workers in <paramref name="code"/>: a known, enabled worker region.</summary>
    public bool RunsWorkersIn(RegionCode code) => Find(code) is { RunsWorkers: true };

    /// <summary>True when <paramref name="code"/> is a worker region an admin disabled.</summary>
    public bool IsDisabled(RegionCode code) => Find(code) is { Role: RegionRole.Worker, Enabled: false };

    /// <summary>
    /// Why <paramref name="cidr"/> cannot be another region's, naming the region it overlaps; null when it overlaps none.
    /// </summary>
    public string? OverlapProblem(Cidr cidr) => OverlapOf(cidr, All);

    /// <summary>A new catalogue with <paramref name="worker"/> added.</summary>
    /// <exception cref="DomainException">It is not a worker region, its code is present already, or its CIDR overlaps another region's.</exception>
    public RegionCatalog WithWorker(Region worker)
    {
        ArgumentNullException.ThrowIfNull(worker);
        if (worker.Role != RegionRole.Worker)
        {
            throw new DomainException($"{worker.Code} cannot be added as a second home region; add it as a worker region.");
        }

        if (Contains(worker.Code))
        {
            throw new DomainException($"{worker.Code} is already one of the portal's regions.");
        }

        return OverlapProblem(worker.Cidr) is { } problem
            ? throw new DomainException(problem)
            : new RegionCatalog([.. All, worker]);
    }

    /// <summary>A new catalogue with the worker region enabled or disabled.</summary>
    /// <exception cref="DomainException">The region is unknown, or it is the home region and <paramref name="enabled"/> is false.</exception>
    public RegionCatalog WithEnabled(RegionCode code, bool enabled)
    {
        var region = Get(code);
        if (region.Role == RegionRole.Home && !enabled)
        {
            throw new DomainException(HomeAlwaysEnabled(region));
        }

        return region.Enabled == enabled
            ? this
            : new RegionCatalog(All.Select(r => r.Code == code ? r with { Enabled = enabled } : r));
    }

    /// <summary>Why a launch or an estimate cannot put workers in <paramref name="region"/>: an admin disabled it.</summary>
    public static string DisabledMessage(Region region, string what)
    {
        ArgumentNullException.ThrowIfNull(region);
        return $"{what} lives in {region.Code} ({region.DisplayName}), a worker region an admin disabled: new sessions cannot run workers there. "
               + $"Choose datasets in another worker region, or ask an admin to enable {region.Code}.";
    }

    private static string HomeAlwaysEnabled(Region home) =>
        $"{home.Code} is the home region (the portal, notebooks and schedulers run there); it cannot be disabled.";

    private static string? OverlapOf(Cidr cidr, IEnumerable<Region> others) =>
        others.FirstOrDefault(r => r.Cidr.Overlaps(cidr)) is { } other
            ? $"{cidr} overlaps {other.Describe()}; choose a CIDR that overlaps no other region."
            : null;
}
