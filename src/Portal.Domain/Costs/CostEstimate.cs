using Portal.Domain.Regions;

namespace Portal.Domain.Costs;

/// <summary>Which resource of a session a line prices, so a session's steps can carry their own rate.</summary>
public enum CostPart
{
    Other,
    Scheduler,
    Notebook,
    Workers,
}

/// <summary>One priced item: a quantity at a unit price, for example "3 × m5d.4xlarge workers" at $0.904 an instance-hour.</summary>
/// <param name="UnitPriceUsd">Null when the price book has no price for it; the line then adds nothing.</param>
public sealed record CostLine(string Item, decimal Quantity, string Unit, decimal? UnitPriceUsd, bool Verified)
{
    /// <summary>Quantity × unit price (per hour for a session's lines, per month for a foundation's, once for a copy).</summary>
    public decimal AmountUsd => UnitPriceUsd is { } price ? Quantity * price : 0m;

    public bool IsPriced => UnitPriceUsd is not null;

    /// <summary>The session resource the line prices (<see cref="CostPart.Other"/> for foundations and comparisons).</summary>
    public CostPart Part { get; init; }
}

/// <summary>What one region of a session costs per hour.</summary>
public sealed record RegionCost(RegionCode Region, RegionRole Role, IReadOnlyList<CostLine> Lines)
{
    public decimal HourlyUsd => Lines.Sum(l => l.AmountUsd);
}

/// <summary>
/// What a region's foundation costs per month whether or not sessions run (FSx, NAT gateway, Transit Gateway attachment):
/// shared by every session in the region, and billed before the first session and after the last.
/// </summary>
public sealed record FoundationCost(RegionCode Region, RegionRole Role, IReadOnlyList<CostLine> Lines)
{
    public decimal MonthlyUsd => Lines.Sum(l => l.AmountUsd);

    /// <summary>The foundation's cost over <paramref name="hours"/>: a session of that length's share if it ran alone.</summary>
    public decimal ShareUsd(int hours) =>
        decimal.Round(MonthlyUsd * Math.Max(0, hours) / FoundationShape.HoursPerMonth, 2, MidpointRounding.AwayFromZero);
}

/// <summary>A session's cost: per region and per hour, for its maximum lifetime, its foundations, and the copy-home comparison.</summary>
public sealed record CostEstimate(IReadOnlyList<RegionCost> Regions, int Hours, DateOnly PricesAsOf, string PriceBookName)
{
    /// <summary>The foundations of the regions the session uses, per month.</summary>
    public IReadOnlyList<FoundationCost> Foundations { get; init; } = [];

    /// <summary>Computing next to the data against copying it home first; null when the selection reads nothing.</summary>
    public CopyHomeComparison? CopyHome { get; init; }

    public decimal HourlyUsd => Regions.Sum(r => r.HourlyUsd);

    public decimal TotalUsd => decimal.Round(HourlyUsd * Hours, 2, MidpointRounding.AwayFromZero);

    public decimal FoundationMonthlyUsd => Foundations.Sum(f => f.MonthlyUsd);

    /// <summary>The foundations' cost over the session's maximum hours.</summary>
    public decimal FoundationShareUsd => Foundations.Sum(f => f.ShareUsd(Hours));

    /// <summary>The hourly cost of one part of the session in one region (the scheduler, the notebook, a region's workers).</summary>
    public decimal HourlyUsdOf(CostPart part, RegionCode region) =>
        Regions.Where(r => r.Region == region).SelectMany(r => r.Lines).Where(l => l.Part == part).Sum(l => l.AmountUsd);

    /// <summary>False when some item has no price: the figures are then a lower bound.</summary>
    public bool IsComplete => AllLines.All(l => l.IsPriced);

    /// <summary>True when every price used was confirmed by a source.</summary>
    public bool AllVerified => AllLines.All(l => l.Verified);

    private IEnumerable<CostLine> AllLines =>
        Regions.SelectMany(r => r.Lines).Concat(Foundations.SelectMany(f => f.Lines));
}
