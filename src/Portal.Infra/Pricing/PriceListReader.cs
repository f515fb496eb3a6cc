using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Domain.Costs;
using Portal.Domain.LaunchPlans;
using Portal.Domain.Regions;
using Portal.Domain.Sessions;
using Portal.Infra.Aws.Pricing;
using Portal.Infra.Aws.Runtime;

namespace Portal.Infra.Pricing;

/// <summary>
/// Reads a price book from the AWS Price List API: every <see cref="PriceQueries"/> call for the portal's regions, one
/// after the other with <see cref="PricingOptions.RequestDelay"/> between calls, following NextToken. Throttling and
/// server errors are retried by the AWS transport; a call that still fails fails the whole read.
/// </summary>
internal sealed partial class PriceListReader(
    IAwsClientFactory<IAmazonPricing> clients,
    IOptions<PricingOptions> options,
    IRegionDirectory regions,
    LaunchSettings launch,
    TimeProvider time,
    ILogger<PriceListReader> logger)
{
    public const string BookName = "AWS Price List API";
    public const int PageSize = 100;

    public async Task<PriceBook> ReadAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var client = clients.ForRegion(RegionCode.Parse(settings.EndpointRegion));
        var queries = PriceQueries.For([.. regions.Current.All.Select(r => r.Code)], [SessionRequest.DefaultWorkerSize], launch.NotebookInstanceType);
        var prices = new List<UnitPrice>();
        var calls = 0;
        foreach (var query in queries)
        {
            string? token = null;
            PriceListItem? found = null;
            for (var page = 0; page < Paginators.MaxPages && found is null; page++)
            {
                if (calls++ > 0 && settings.RequestDelay > TimeSpan.Zero)
                {
                    await Task.Delay(settings.RequestDelay, time, cancellationToken);
                }

                var request = query.ToRequest(PageSize);
                request.NextToken = token;
                var response = await client.GetProductsAsync(request, cancellationToken);
                found = (response.PriceList ?? []).Select(PriceListItem.Parse).FirstOrDefault(i => i is not null && query.Matches(i));
                token = response.NextToken;
                if (string.IsNullOrEmpty(token))
                {
                    break;
                }
            }

            if (found is null)
            {
                LogNoProduct(query.Sku, query.Region.Value);
                continue;
            }

            prices.Add(new UnitPrice(query.Region, query.Sku, found.Usd, query.Unit, Source(found), Verified: true));
        }

        var now = time.GetUtcNow();
        LogRead(prices.Count, queries.Count, calls);
        return new PriceBook(DateOnly.FromDateTime(now.UtcDateTime), BookName, prices) { FetchedAt = now };
    }

    private static string Source(PriceListItem item)
    {
        var effective = item.EffectiveDate is { Length: >= 10 } date ? ", effective " + date[..10] : string.Empty;
        return $"{BookName}: SKU {item.Sku}{effective}";
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The Price List API has no on-demand product for {Sku} in {Region}")]
    private partial void LogNoProduct(string sku, string region);

    [LoggerMessage(Level = LogLevel.Information, Message = "Read {Prices} of {Queries} prices from the Price List API in {Calls} calls")]
    private partial void LogRead(int prices, int queries, int calls);
}
