using Portal.Domain.Regions;

namespace Portal.Domain.Costs;

/// <summary>How a data volume was arrived at: published, computed from the data's shape, or assumed.</summary>
public enum VolumeBasis
{
    /// <summary>The size the registry publishes for the dataset.</summary>
    Published,

    /// <summary>Computed from the data's grid, time steps and value size (before compression: an upper bound).</summary>
    Computed,

    /// <summary>An explicit assumption, because nothing says how big it is.</summary>
    Assumed,
}

/// <summary>One dataset's share of what a session reads: where it lives, how many bytes, and how that was worked out.</summary>
/// <param name="Explanation">The working, in words the panel shows ("24 months × 1440 × 721 points hourly × 4 bytes").</param>
public sealed record DataPart(string Dataset, RegionCode Region, long Bytes, VolumeBasis Basis, string Explanation);

/// <summary>What a session's analysis reads, per dataset and region: the volume a copy home would move.</summary>
public sealed record DataToRead(IReadOnlyList<DataPart> Parts)
{
    public static DataToRead None { get; } = new([]);

    public long TotalBytes => Parts.Sum(p => p.Bytes);

    /// <summary>True when some part is an assumption rather than a published or computed size.</summary>
    public bool HasAssumptions => Parts.Any(p => p.Basis == VolumeBasis.Assumed);

    /// <summary>The bytes read in each region.</summary>
    public IReadOnlyDictionary<RegionCode, long> ByRegion() =>
        Parts.GroupBy(p => p.Region).ToDictionary(g => g.Key, g => g.Sum(p => p.Bytes));
}
