using System.Text.Json;
using Portal.Domain.Costs;
using Portal.Domain.Regions;

namespace Portal.Infra.Persistence;

/// <summary>The JSON shape a price book's prices are stored in (one column: a book is always written whole).</summary>
internal sealed record PriceBookDocument(List<PriceBookDocument.Price> Prices)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string Serialize(PriceBook book) => JsonSerializer.Serialize(
        new PriceBookDocument([.. book.Prices.Select(p => new Price(p.Region.Value, p.Sku, p.Usd, p.Unit, p.Source, p.Verified))]),
        Json);

    public static PriceBook Deserialize(PriceBookRecord row)
    {
        var doc = JsonSerializer.Deserialize<PriceBookDocument>(row.Document, Json)
                  ?? throw new InvalidOperationException($"Stored price book {row.Id} is empty.");
        return new PriceBook(row.AsOf, row.Source, doc.Prices.Select(p => new UnitPrice(RegionCode.Parse(p.Region), p.Sku, p.Usd, p.Unit, p.Source, p.Verified)))
        {
            FetchedAt = row.FetchedAt,
        };
    }

    internal sealed record Price(string Region, string Sku, decimal Usd, string Unit, string Source, bool Verified);
}
