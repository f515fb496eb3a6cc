using System.Globalization;
using Portal.Domain.Regions;

namespace Portal.Domain.Sessions;

/// <summary>
/// Where a session's bytes went, as its own processes measured them (cumulative since the session started): bytes each
/// pool read from its region's data, bytes moved between pools of different regions (raw data and reduced results), and
/// bytes delivered to the client. Raw bytes between regions should stay 0: only results are meant to cross.
/// </summary>
public sealed record DataLocality
{
    /// <summary>The largest figure accepted for any count (10^18): one exabyte, far beyond any session.</summary>
    public const long MaxFigure = 1_000_000_000_000_000_000;

    /// <summary>The most pools one figure may name.</summary>
    public const int MaxPools = 32;

    /// <summary>The most region pairs one figure may name.</summary>
    public const int MaxPairs = 256;

    /// <exception cref="DomainException">More than <see cref="MaxPools"/> pools or <see cref="MaxPairs"/> pairs, a region or pair named twice, or a figure outside 0..<see cref="MaxFigure"/>.</exception>
    public DataLocality(IEnumerable<PoolLocality> pools, IEnumerable<RegionTransfer> betweenPools, long toClientBytes, DateTimeOffset reportedAt)
    {
        ArgumentNullException.ThrowIfNull(pools);
        ArgumentNullException.ThrowIfNull(betweenPools);
        Pools = [.. pools];
        BetweenPools = [.. betweenPools];
        if (Pools.Count > MaxPools)
        {
            throw new DomainException($"A locality figure names at most {MaxPools} pools; this one names {Pools.Count}.");
        }

        if (BetweenPools.Count > MaxPairs)
        {
            throw new DomainException($"A locality figure names at most {MaxPairs} region pairs; this one names {BetweenPools.Count}.");
        }

        if (Pools.GroupBy(p => p.Region).FirstOrDefault(g => g.Count() > 1) is { } pool)
        {
            throw new DomainException($"The pool in {pool.Key} is named twice.");
        }

        if (BetweenPools.GroupBy(p => (p.From, p.To)).FirstOrDefault(g => g.Count() > 1) is { } pair)
        {
            throw new DomainException($"The pair {pair.Key.From} to {pair.Key.To} is named twice.");
        }

        ToClientBytes = Figures.Check(toClientBytes, "Bytes to the client");
        ReportedAt = reportedAt;
    }

    /// <summary>Each pool's workers and the bytes it read from its region's data, in the order reported.</summary>
    public IReadOnlyList<PoolLocality> Pools { get; }

    /// <summary>Bytes moved between workers of two different regions' pools, per direction.</summary>
    public IReadOnlyList<RegionTransfer> BetweenPools { get; }

    /// <summary>Bytes the client (the notebook) received from the workers.</summary>
    public long ToClientBytes { get; }

    /// <summary>When the portal received the figure (its own clock, not the reporter's).</summary>
    public DateTimeOffset ReportedAt { get; init; }

    /// <summary>Raw (unreduced) bytes moved between regions, every pair added up.</summary>
    public decimal RawBytesBetweenRegions => BetweenPools.Sum(p => (decimal)p.RawBytes);

    /// <summary>Result bytes moved between regions, every pair added up.</summary>
    public decimal ResultBytesBetweenRegions => BetweenPools.Sum(p => (decimal)p.ResultBytes);

    /// <summary>Whether no raw byte crossed a region: what the pools are for.</summary>
    public bool RawDataStayedInRegion => BetweenPools.All(p => p.RawBytes == 0);

    /// <summary>The pairs across which raw bytes moved, most bytes first.</summary>
    public IReadOnlyList<RegionTransfer> RawTransfers => [.. BetweenPools.Where(p => p.RawBytes > 0).OrderByDescending(p => p.RawBytes)];

    /// <summary>Every region the figure names: its pools and both ends of its pairs.</summary>
    public IReadOnlyList<RegionCode> Regions =>
        [.. Pools.Select(p => p.Region).Concat(BetweenPools.SelectMany(p => new[] { p.From, p.To })).Distinct()];

    /// <summary>The first region the figure names that is not among <paramref name="pools"/>, or null when there is none.</summary>
    public RegionCode? RegionOutside(IEnumerable<RegionCode> pools)
    {
        var known = pools.ToHashSet();
        return Regions.Where(r => !known.Contains(r)).Select(r => (RegionCode?)r).FirstOrDefault();
    }

    /// <summary>
    /// One line for people: <c>read 1.2 GB in us-east-1, 0.8 GB in us-west-2; moved between regions: 0 B raw, 5.4 KB of
    /// results</c> (decimal units, see <see cref="ByteSize.Format"/>).
    /// </summary>
    public string Describe()
    {
        var read = Pools.Count == 0
            ? ByteSize.Format(0)
            : string.Join(", ", Pools.Select(p => $"{ByteSize.Format(p.BytesRead)} in {p.Region}"));
        return $"read {read}; moved between regions: {ByteSize.Format(RawBytesBetweenRegions)} raw, {ByteSize.Format(ResultBytesBetweenRegions)} of results";
    }

    public bool Equals(DataLocality? other) =>
        other is not null
        && Pools.SequenceEqual(other.Pools)
        && BetweenPools.SequenceEqual(other.BetweenPools)
        && ToClientBytes == other.ToClientBytes
        && ReportedAt == other.ReportedAt;

    public override int GetHashCode() => HashCode.Combine(Pools.Count, BetweenPools.Count, ToClientBytes, ReportedAt);
}

/// <summary>One region's pool in a <see cref="DataLocality"/>: its workers and the bytes they read from the region's data.</summary>
public sealed record PoolLocality
{
    /// <exception cref="DomainException">A figure outside 0..<see cref="DataLocality.MaxFigure"/>.</exception>
    public PoolLocality(RegionCode region, long workers, long bytesRead)
    {
        Region = Figures.Known(region);
        Workers = Figures.Check(workers, $"Workers in {region}");
        BytesRead = Figures.Check(bytesRead, $"Bytes read in {region}");
    }

    public RegionCode Region { get; }

    public long Workers { get; }

    public long BytesRead { get; }
}

/// <summary>Bytes moved from workers of one region's pool to workers of another's.</summary>
public sealed record RegionTransfer
{
    /// <exception cref="DomainException">The same region at both ends, or a figure outside 0..<see cref="DataLocality.MaxFigure"/>.</exception>
    public RegionTransfer(RegionCode from, RegionCode to, long rawBytes, long resultBytes)
    {
        From = Figures.Known(from);
        To = Figures.Known(to);
        if (from == to)
        {
            throw new DomainException($"A pair joins two different regions; this one is {from} to itself.");
        }

        RawBytes = Figures.Check(rawBytes, $"Raw bytes from {from} to {to}");
        ResultBytes = Figures.Check(resultBytes, $"Result bytes from {from} to {to}");
    }

    public RegionCode From { get; }

    public RegionCode To { get; }

    /// <summary>Unreduced data (chunks of a dataset) moved across: what the pools are meant to avoid.</summary>
    public long RawBytes { get; }

    /// <summary>Reduced results (task outputs of reductions) moved across: expected, and small.</summary>
    public long ResultBytes { get; }
}

/// <summary>The checks every count in a locality figure passes.</summary>
internal static class Figures
{
    public static long Check(long value, string what) =>
        value is >= 0 and <= DataLocality.MaxFigure
            ? value
            : throw new DomainException(string.Create(CultureInfo.InvariantCulture, $"{what} is {value}; a figure is a whole number from 0 to 10^18."));

    public static RegionCode Known(RegionCode region) =>
        region.Value is null ? throw new DomainException("A locality figure names a region without a code.") : region;
}
