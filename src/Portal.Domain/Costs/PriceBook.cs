using Portal.Domain.Regions;

namespace Portal.Domain.Costs;

/// <summary>One unit price in one region, with where it came from.</summary>
/// <param name="Verified">False when no two sources agreed and the figure is our best estimate.</param>
public sealed record UnitPrice(RegionCode Region, string Sku, decimal Usd, string Unit, string Source, bool Verified);

/// <summary>A dated set of unit prices: the bundled snapshot, or prices read from the AWS Pricing API.</summary>
public sealed class PriceBook
{
    private readonly Dictionary<(RegionCode, string), UnitPrice> _prices;

    public PriceBook(DateOnly asOf, string name, IEnumerable<UnitPrice> prices)
    {
        ArgumentNullException.ThrowIfNull(prices);
        AsOf = asOf;
        Name = name;
        _prices = [];
        foreach (var price in prices)
        {
            if (price.Usd < 0)
            {
                throw new DomainException($"Price {price.Sku} in {price.Region} is negative.");
            }

            if (!_prices.TryAdd((price.Region, price.Sku), price))
            {
                throw new DomainException($"Price {price.Sku} in {price.Region} is listed twice.");
            }
        }
    }

    /// <summary>The date the prices were true on.</summary>
    public DateOnly AsOf { get; }

    /// <summary>Where the prices come from, as the UI says it: "Bundled price snapshot", "AWS Price List API".</summary>
    public string Name { get; }

    /// <summary>When the prices were read from their source; null for the bundled snapshot, which was never fetched.</summary>
    public DateTimeOffset? FetchedAt { get; init; }

    /// <summary>True when the prices are older than <paramref name="maximumAge"/> allows (the snapshot: by its date).</summary>
    public bool IsStale(DateTimeOffset now, TimeSpan maximumAge)
    {
        var read = FetchedAt ?? new DateTimeOffset(AsOf.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        return now - read > maximumAge;
    }

    /// <summary>
    /// The price of a GB sent from <paramref name="from"/> to <paramref name="to"/>: the pair's own price when known,
    /// else the source region's price to any other region; zero within a region.
    /// </summary>
    public UnitPrice? FindTransfer(RegionCode from, RegionCode to) =>
        from == to
            ? new UnitPrice(from, PriceSku.TransferToGb(to), 0m, "GB", "no charge within a region", true)
            : Find(from, PriceSku.TransferToGb(to)) ?? Find(from, PriceSku.InterRegionTransferGb);

    public IReadOnlyCollection<UnitPrice> Prices => _prices.Values;

    public UnitPrice? Find(RegionCode region, string sku) => _prices.GetValueOrDefault((region, sku));

    /// <summary>
    /// This book with every price it lacks taken from <paramref name="fallback"/>, so an estimate never loses a line
    /// because one source missed it. Borrowed prices are unverified and their source says where they came from
    /// (<paramref name="label"/>: "bundled snapshot"); the book keeps its own name, date and fetch time.
    /// </summary>
    public PriceBook FillGapsFrom(PriceBook fallback, string label)
    {
        ArgumentNullException.ThrowIfNull(fallback);
        var borrowed = fallback.Prices
            .Where(p => !_prices.ContainsKey((p.Region, p.Sku)))
            .Select(p => p with { Verified = false, Source = $"{label} ({fallback.AsOf:yyyy-MM-dd}): {p.Source}" });
        return new PriceBook(AsOf, Name, Prices.Concat(borrowed)) { FetchedAt = FetchedAt };
    }
}
