using System.Globalization;
using Portal.Domain.Costs;
using Portal.Domain.Regions;

namespace Portal.Infra.Pricing;

/// <summary>The dated price snapshot shipped with the portal (Pricing/price-snapshot.csv), read once.</summary>
internal sealed class BundledPriceSource : IPriceSource
{
    private const string ResourceName = "Portal.Infra.Pricing.price-snapshot.csv";
    private static readonly Lazy<PriceBook> Snapshot = new(Load);

    public Task<PriceBook> GetPriceBookAsync(CancellationToken cancellationToken) => Task.FromResult(Snapshot.Value);

    internal static PriceBook Load()
    {
        using var stream = typeof(BundledPriceSource).Assembly.GetManifestResourceStream(ResourceName)
                           ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }

    internal static PriceBook Parse(string csv)
    {
        DateOnly? asOf = null;
        var prices = new List<UnitPrice>();
        var lines = csv.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        foreach (var line in lines)
        {
            if (line.StartsWith("# as_of:", StringComparison.Ordinal))
            {
                asOf = DateOnly.ParseExact(line["# as_of:".Length..].Trim()[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture);
                continue;
            }

            if (line.StartsWith('#') || line.StartsWith("region,", StringComparison.Ordinal))
            {
                continue;
            }

            var cells = line.Split(',', 6);
            if (cells.Length != 6)
            {
                throw new FormatException($"Price line '{line}' does not have 6 columns.");
            }

            prices.Add(new UnitPrice(
                RegionCode.Parse(cells[0]),
                cells[1],
                decimal.Parse(cells[2], NumberStyles.Number, CultureInfo.InvariantCulture),
                cells[3],
                cells[5],
                bool.Parse(cells[4])));
        }

        return new PriceBook(asOf ?? throw new FormatException("The price snapshot has no '# as_of:' line."), "Bundled price snapshot", prices);
    }
}
