using Portal.Domain.Regions;

namespace Portal.Domain.Costs;

/// <summary>
/// "Compute next to the data" against "copy the data home, then compute": the same workers for the same hours, either
/// in the data's regions (only results travel home) or in the home region after every byte was copied there and kept.
/// Every figure is a list of lines (quantity × unit price) so it can be traced by hand.
/// </summary>
/// <param name="NextToData">The session's compute for its hours, and its results sent home.</param>
/// <param name="CopyHome">The copy (per region), keeping the copy at home, and the same compute in the home region.</param>
/// <param name="NextToDataHourlyUsd">What the session costs per hour next to the data.</param>
/// <param name="HomeHourlyUsd">What the same workers cost per hour in the home region.</param>
/// <param name="CopyTime">How long the copy takes at <see cref="CopyAssumptions.CopyBytesPerSecond"/>, before any analysis can start.</param>
public sealed record CopyHomeComparison(
    DataToRead Data,
    RegionCode Home,
    int Hours,
    IReadOnlyList<CostLine> NextToData,
    IReadOnlyList<CostLine> CopyHome,
    decimal NextToDataHourlyUsd,
    decimal HomeHourlyUsd,
    TimeSpan CopyTime)
{
    public decimal NextToDataUsd => Round(NextToData.Sum(l => l.AmountUsd));

    public decimal CopyHomeUsd => Round(CopyHome.Sum(l => l.AmountUsd));

    /// <summary>What computing next to the data saves (negative: copying home would be cheaper for these hours).</summary>
    public decimal SavingUsd => CopyHomeUsd - NextToDataUsd;

    /// <summary>The bytes that would cross regions in a copy home (data already at home stays).</summary>
    public long BytesMoved => Data.Parts.Where(p => p.Region != Home).Sum(p => p.Bytes);

    /// <summary>False when a line has no price: the comparison is then incomplete.</summary>
    public bool IsComplete => NextToData.Concat(CopyHome).All(l => l.IsPriced);

    /// <summary>
    /// The analysis length, in hours, beyond which copying home would be cheaper: the copy's one-off cost (transfer and
    /// storage, less the results transfer it avoids) divided by how much more an hour next to the data costs. Null when
    /// an hour next to the data costs no more than one at home: then copying never pays off.
    /// </summary>
    public decimal? BreakEvenHours
    {
        get
        {
            var perHour = NextToDataHourlyUsd - HomeHourlyUsd;
            if (perHour <= 0)
            {
                return null;
            }

            var oneOff = CopyHome.Where(l => l.Unit != CopyAssumptions.HourUnit).Sum(l => l.AmountUsd)
                         - NextToData.Where(l => l.Unit != CopyAssumptions.HourUnit).Sum(l => l.AmountUsd);
            return decimal.Round(Math.Max(0, oneOff) / perHour, 1, MidpointRounding.AwayFromZero);
        }
    }

    private static decimal Round(decimal usd) => decimal.Round(usd, 2, MidpointRounding.AwayFromZero);
}

/// <summary>The assumptions of the copy-home comparison, stated where the panel shows them.</summary>
public static class CopyAssumptions
{
    /// <summary>The unit of the compute lines ("hour"); every other line is a one-off.</summary>
    public const string HourUnit = "hour";

    /// <summary>Results sent home as a share of the data read: reductions (means, maps) are tiny beside their inputs.</summary>
    public const decimal ResultsShare = 0.01m;

    /// <summary>How long a copy is kept at home, in months (S3 Standard).</summary>
    public const decimal MonthsKept = 1m;

    /// <summary>A sustained cross-region S3 copy of 250 MB/s (many parallel streams; one stream is far slower).</summary>
    public const long CopyBytesPerSecond = 250_000_000;

    public const decimal BytesPerGb = 1_000_000_000m;
}
