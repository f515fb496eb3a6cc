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

    public string Name { get; }

    public IReadOnlyCollection<UnitPrice> Prices => _prices.Values;

    public UnitPrice? Find(RegionCode region, string sku) => _prices.GetValueOrDefault((region, sku));
}
