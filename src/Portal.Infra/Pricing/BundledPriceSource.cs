using System.Globalization;
using Portal.Domain;
using Portal.Domain.Costs;
using Portal.Domain.Regions;

namespace Portal.Infra.Pricing;

/// <summary>The dated price snapshot shipped with the portal (Pricing/price-snapshot.csv), read once.</summary>
internal sealed class BundledPriceSource : IPriceSource
{
    private const string ResourceName = "Portal.Infra.Pricing.price-snapshot.csv";
    internal static readonly Lazy<PriceBook> Snapshot = new(Load);

    public Task<PriceBook> GetPriceBookAsync(CancellationToken cancellationToken) => Task.FromResult(Snapshot.Value);

    internal static PriceBook Load()
    {
        using var stream = typeof(BundledPriceSource).Assembly.GetManifestResourceStream(ResourceName)
                           ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }

    /// <summary>Reads the snapshot; any line that is not a comment, the header or a well-formed price is refused.</summary>
    /// <exception cref="FormatException">A line is malformed (the message names it), or the <c># as_of:</c> line is missing.</exception>
    internal static PriceBook Parse(string csv)
    {
        ArgumentNullException.ThrowIfNull(csv);
        DateOnly? asOf = null;
        var prices = new List<UnitPrice>();
        var lines = csv.Split('\n');
        for (var number = 1; number <= lines.Length; number++)
        {
            var line = lines[number - 1].Trim();
            if (line.StartsWith("# as_of:", StringComparison.Ordinal))
            {
                var date = line["# as_of:".Length..].Trim().Split(' ', 2)[0];
                asOf = DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
                    ? parsed
                    : throw Malformed(number, line, $"'{date}' is not a yyyy-MM-dd date");
                continue;
            }

            if (line.Length == 0 || line.StartsWith('#') || line.StartsWith("region,", StringComparison.Ordinal))
            {
                continue;
            }

            prices.Add(ParsePrice(number, line));
        }

        try
        {
            return new PriceBook(asOf ?? throw new FormatException("The price snapshot has no '# as_of:' line."), "Bundled price snapshot", prices);
        }
        catch (DomainException ex)
        {
            throw new FormatException($"The price snapshot is not valid: {ex.Message}", ex);
        }
    }

    private static UnitPrice ParsePrice(int number, string line)
    {
        var cells = line.Split(',', 6, StringSplitOptions.TrimEntries);
        if (cells.Length != 6)
        {
            throw Malformed(number, line, "it does not have 6 columns (region,sku,usd,unit,verified,source)");
        }

        if (!RegionCode.TryParse(cells[0], out var region))
        {
            throw Malformed(number, line, $"'{cells[0]}' is not a region code");
        }

        if (cells[1].Length == 0 || cells[3].Length == 0)
        {
            throw Malformed(number, line, "the sku and the unit must be given");
        }

        // No sign, no exponent: a price is a plain non-negative decimal.
        if (!decimal.TryParse(cells[2], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var usd))
        {
            throw Malformed(number, line, $"'{cells[2]}' is not a price in USD");
        }

        if (!bool.TryParse(cells[4], out var verified))
        {
            throw Malformed(number, line, $"'{cells[4]}' is not true or false");
        }

        return new UnitPrice(region, cells[1], usd, cells[3], cells[5], verified);
    }

    private static FormatException Malformed(int number, string line, string why) =>
        new($"Price snapshot line {number} is malformed ({why}): {line}");
}
