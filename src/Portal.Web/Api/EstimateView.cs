using Portal.Domain.Costs;

namespace Portal.Web.Api;

/// <summary>The explore page's cost panel as JSON: per region and hour, for the maximum hours, and the copy-home comparison.</summary>
internal sealed record EstimateView(
    decimal HourlyUsd,
    int Hours,
    decimal TotalUsd,
    bool Complete,
    DateOnly PricesAsOf,
    string PriceBook,
    IReadOnlyList<RegionCostView> Regions,
    decimal FoundationMonthlyUsd,
    decimal FoundationShareUsd,
    CopyHomeView? CopyHome)
{
    public static EstimateView From(CostEstimate e) => new(
        e.HourlyUsd, e.Hours, e.TotalUsd, e.IsComplete, e.PricesAsOf, e.PriceBookName,
        [.. e.Regions.Select(r => new RegionCostView(r.Region.Value, r.Role.ToString(), r.HourlyUsd, Lines(r.Lines)))],
        e.FoundationMonthlyUsd, e.FoundationShareUsd,
        e.CopyHome is { } c
            ? new CopyHomeView(c.Home.Value, c.NextToDataUsd, c.CopyHomeUsd, c.SavingUsd, c.BytesMoved, Math.Round(c.CopyTime.TotalHours, 2), c.BreakEvenHours, c.IsComplete, Lines(c.NextToData), Lines(c.CopyHome))
            : null);

    private static IReadOnlyList<CostLineView> Lines(IEnumerable<CostLine> lines) =>
        [.. lines.Select(l => new CostLineView(l.Item, l.Quantity, l.Unit, l.UnitPriceUsd, l.AmountUsd))];
}

internal sealed record RegionCostView(string Region, string Role, decimal HourlyUsd, IReadOnlyList<CostLineView> Lines);

internal sealed record CostLineView(string Item, decimal Quantity, string Unit, decimal? UnitPriceUsd, decimal AmountUsd);

/// <summary>Computing next to the data against copying it home first; <see cref="SavingUsd"/> is negative when copying would be cheaper.</summary>
internal sealed record CopyHomeView(
    string Home,
    decimal NextToDataUsd,
    decimal CopyHomeUsd,
    decimal SavingUsd,
    long BytesMoved,
    double CopyHours,
    decimal? BreakEvenHours,
    bool Complete,
    IReadOnlyList<CostLineView> NextToData,
    IReadOnlyList<CostLineView> CopyHomeLines);
