using Portal.Domain.Regions;
using Portal.Infra.Aws.Pricing;

namespace Portal.Infra.Pricing;

/// <summary>
/// How one unit price is read from the Price List API: a GetProducts call narrowed by TERM_MATCH filters, and which of
/// the products it returns is the one (the first whose attributes match, in the order the API gives them).
/// </summary>
internal sealed record PriceQuery(RegionCode Region, string Sku, string Unit, string ServiceCode, IReadOnlyList<(string Field, string Value)> Filters, Func<PriceListItem, bool> Matches)
{
    public GetProductsRequest ToRequest(int maxResults) => new()
    {
        ServiceCode = ServiceCode,
        FormatVersion = "aws_v1",
        MaxResults = maxResults,
        Filters = [.. Filters.Select(f => new Filter { Type = "TERM_MATCH", Field = f.Field, Value = f.Value })],
    };
}
