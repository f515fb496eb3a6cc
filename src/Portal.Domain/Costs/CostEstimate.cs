using Portal.Domain.Regions;

namespace Portal.Domain.Costs;

/// <summary>One priced item of an estimate, for example "3 × m5d.4xlarge workers".</summary>
/// <param name="UnitPriceUsd">Null when the price book has no price for it; the line then adds nothing.</param>
public sealed record CostLine(string Item, decimal Quantity, string Unit, decimal? UnitPriceUsd, bool Verified)
{
    public decimal HourlyUsd => UnitPriceUsd is { } price ? Quantity * price : 0m;

    public bool IsPriced => UnitPriceUsd is not null;
}

/// <summary>What one region of a session costs per hour.</summary>
public sealed record RegionCost(RegionCode Region, RegionRole Role, IReadOnlyList<CostLine> Lines)
{
    public decimal HourlyUsd => Lines.Sum(l => l.HourlyUsd);
}

/// <summary>A session's cost: per region and per hour, and for its maximum lifetime.</summary>
public sealed record CostEstimate(IReadOnlyList<RegionCost> Regions, int Hours, DateOnly PricesAsOf, string PriceBookName)
{
    public decimal HourlyUsd => Regions.Sum(r => r.HourlyUsd);

    public decimal TotalUsd => decimal.Round(HourlyUsd * Hours, 2, MidpointRounding.AwayFromZero);

    /// <summary>False when some item has no price: the figures are then a lower bound.</summary>
    public bool IsComplete => Regions.All(r => r.Lines.All(l => l.IsPriced));

    /// <summary>True when every price used was confirmed by a source.</summary>
    public bool AllVerified => Regions.All(r => r.Lines.All(l => l.Verified));
}
