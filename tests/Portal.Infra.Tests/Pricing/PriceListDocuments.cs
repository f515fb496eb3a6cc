using System.Globalization;
using System.Text.Json.Nodes;

namespace Portal.Infra.Tests.Pricing;

/// <summary>
/// Price List items in the API's real format (shared/reference/aws/fixtures/pricing): a product with its attributes and
/// its on-demand term, one price dimension per tier, serialised into the string the API puts in <c>PriceList</c>.
/// </summary>
internal static class PriceListDocuments
{
    public sealed record Tier(string BeginRange, string EndRange, decimal Usd);

    public static string Item(string serviceCode, string productFamily, string sku, IReadOnlyDictionary<string, string> attributes, string unit, params Tier[] tiers)
    {
        var attributeObject = new JsonObject();
        foreach (var (name, value) in attributes)
        {
            attributeObject[name] = value;
        }

        attributeObject["servicecode"] = serviceCode;
        var termCode = sku + ".JRTCKXETXF";
        var dimensions = new JsonObject();
        for (var i = 0; i < tiers.Length; i++)
        {
            var rateCode = $"{termCode}.{6 + i}YS6EN2CT7";
            dimensions[rateCode] = new JsonObject
            {
                ["unit"] = unit,
                ["endRange"] = tiers[i].EndRange,
                ["description"] = string.Create(CultureInfo.InvariantCulture, $"${tiers[i].Usd} per {unit}"),
                ["appliesTo"] = new JsonArray(),
                ["rateCode"] = rateCode,
                ["beginRange"] = tiers[i].BeginRange,
                ["pricePerUnit"] = new JsonObject { ["USD"] = tiers[i].Usd.ToString("0.0000000000", CultureInfo.InvariantCulture) },
            };
        }

        return new JsonObject
        {
            ["product"] = new JsonObject { ["productFamily"] = productFamily, ["attributes"] = attributeObject, ["sku"] = sku },
            ["serviceCode"] = serviceCode,
            ["terms"] = new JsonObject
            {
                ["OnDemand"] = new JsonObject
                {
                    [termCode] = new JsonObject
                    {
                        ["priceDimensions"] = dimensions,
                        ["sku"] = sku,
                        ["effectiveDate"] = "2026-11-01T00:00:00Z",
                        ["offerTermCode"] = "JRTCKXETXF",
                        ["termAttributes"] = new JsonObject(),
                    },
                },
            },
            ["version"] = "20261101000000",
            ["publicationDate"] = "2026-11-01T00:00:00Z",
        }.ToJsonString();
    }

    public static string Flat(string serviceCode, string productFamily, string sku, IReadOnlyDictionary<string, string> attributes, string unit, decimal usd) =>
        Item(serviceCode, productFamily, sku, attributes, unit, new Tier("0", "Inf", usd));
}
