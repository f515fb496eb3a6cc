using System.Globalization;
using System.Text.Json;

namespace Portal.Infra.Pricing;

/// <summary>
/// One product of a GetProducts answer (each <c>PriceList</c> item is a JSON document in a string): its attributes and
/// its on-demand price. For a tiered price, the tier that starts at 0.
/// </summary>
internal sealed record PriceListItem(string Sku, IReadOnlyDictionary<string, string> Attributes, decimal Usd, string Unit, string? EffectiveDate)
{
    public string Attribute(string name) => Attributes.GetValueOrDefault(name) ?? string.Empty;

    /// <summary>Reads one item; null when it has no on-demand USD price (a product sold only reserved, say).</summary>
    /// <exception cref="FormatException">The item is not a price list document.</exception>
    public static PriceListItem? Parse(string document)
    {
        ArgumentNullException.ThrowIfNull(document);
        try
        {
            using var json = JsonDocument.Parse(document);
            var root = json.RootElement;
            if (!root.TryGetProperty("product", out var product) || product.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException("A price list item has no product.");
            }

            var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
            if (product.TryGetProperty("attributes", out var attributeObject) && attributeObject.ValueKind == JsonValueKind.Object)
            {
                foreach (var attribute in attributeObject.EnumerateObject())
                {
                    attributes[attribute.Name] = attribute.Value.ValueKind == JsonValueKind.String ? attribute.Value.GetString()! : attribute.Value.GetRawText();
                }
            }

            var sku = product.TryGetProperty("sku", out var skuElement) ? skuElement.GetString() ?? string.Empty : string.Empty;
            return FirstOnDemandPrice(root) is { } price
                ? new PriceListItem(sku, attributes, price.Usd, price.Unit, price.EffectiveDate)
                : null;
        }
        catch (JsonException ex)
        {
            throw new FormatException($"A price list item is not JSON: {ex.Message}", ex);
        }
    }

    private static (decimal Usd, string Unit, string? EffectiveDate)? FirstOnDemandPrice(JsonElement root)
    {
        if (!root.TryGetProperty("terms", out var terms) || terms.ValueKind != JsonValueKind.Object
            || !terms.TryGetProperty("OnDemand", out var onDemand) || onDemand.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        foreach (var term in onDemand.EnumerateObject())
        {
            if (!term.Value.TryGetProperty("priceDimensions", out var dimensions) || dimensions.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            var effective = term.Value.TryGetProperty("effectiveDate", out var date) ? date.GetString() : null;
            var tiers = dimensions.EnumerateObject()
                .Select(d => Dimension(d.Value))
                .Where(d => d is not null)
                .Select(d => d!.Value)
                .OrderBy(d => d.BeginRange)
                .ToList();
            if (tiers.Count > 0)
            {
                return (tiers[0].Usd, tiers[0].Unit, effective);
            }
        }

        return null;
    }

    private static (decimal BeginRange, decimal Usd, string Unit)? Dimension(JsonElement dimension)
    {
        if (!dimension.TryGetProperty("pricePerUnit", out var perUnit) || !perUnit.TryGetProperty("USD", out var usdElement)
            || !decimal.TryParse(usdElement.GetString(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var usd))
        {
            return null;
        }

        var begin = dimension.TryGetProperty("beginRange", out var beginElement)
                    && decimal.TryParse(beginElement.GetString(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var parsed)
            ? parsed
            : 0m;
        var unit = dimension.TryGetProperty("unit", out var unitElement) ? unitElement.GetString() ?? string.Empty : string.Empty;
        // Dividing by 1.000… drops the trailing zeros the API writes ("0.9040000000" is 0.904).
        return (begin, usd / 1.000000000000000000000000000000000m, unit);
    }
}
