using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Portal.Domain.Costs;
using Portal.Domain.Regions;
using Portal.Infra.Pricing;
using Portal.Infra.Tests.Persistence;
using Portal.Infra.Tests.Support;

namespace Portal.Infra.Tests.Pricing;

/// <summary>
/// Live prices end to end, once per database provider: the refresher calls a local Price List endpoint in the real wire
/// format, stores the book with when it was read, and the portal's <see cref="IPriceSource"/> hands it out.
/// </summary>
public abstract class PriceBookRefresherTests : IAsyncLifetime
{
    private static readonly RegionCode EuWest2 = RegionCode.Parse("eu-west-2");
    private static readonly RegionCode UsEast1 = RegionCode.Parse("us-east-1");
    private static readonly RegionCode UsWest2 = RegionCode.Parse("us-west-2");
    private static readonly TimeSpan Day = TimeSpan.FromDays(1);

    private PricingTestHost? _pricing;

    protected abstract TestProvider Provider { get; }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private PricingTestHost Pricing => _pricing ?? throw new InvalidOperationException("Not initialised.");

    private InfraTestHost Host => Pricing.Host!;

    private PriceBookRefresher Refresher => Host.Services.GetRequiredService<PriceBookRefresher>();

    private IPriceSource Prices => Host.Services.GetRequiredService<IPriceSource>();

    public async ValueTask InitializeAsync() =>
        _pricing = await PricingTestHost.StartAsync(Provider, PortalPriceList.Stock(new FakePriceListApi(), "us-east-1:nat-gb"), Ct,
            new Dictionary<string, string?> { ["Pricing:KeepBooks"] = "2" });

    public async ValueTask DisposeAsync()
    {
        if (_pricing is not null)
        {
            await _pricing.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task On_aws_the_portal_reads_live_prices_and_refreshes_them_in_the_background()
    {
        Assert.Contains(Host.Services.GetServices<IHostedService>(), s => s is PriceBookRefresher);
        Assert.Equal(TimeSpan.FromDays(1), (await Host.Services.GetRequiredService<IPriceBookStatusSource>().GetStatusAsync(Ct)).RefreshInterval);
    }

    [Fact]
    public async Task Started_with_no_stored_book_the_refresher_fetches_at_once()
    {
        await Refresher.StartAsync(Ct);
        try
        {
            var deadline = DateTime.UtcNow.AddSeconds(30);
            PriceBook book;
            do
            {
                await Task.Delay(50, Ct);
                await using var db = await Host.CreateDbContextAsync(Ct);
                book = await db.PriceBooks.AnyAsync(Ct) ? await Prices.GetPriceBookAsync(Ct) : new PriceBook(default, "none", []);
            }
            while (book.FetchedAt is null && DateTime.UtcNow < deadline);

            Assert.Equal(("AWS Price List API", (DateTimeOffset?)InfraTestHost.Start), (book.Name, book.FetchedAt));
        }
        finally
        {
            await Refresher.StopAsync(Ct);
        }
    }

    [Fact]
    public async Task Before_any_fetch_the_price_source_gives_the_bundled_snapshot()
    {
        var book = await Prices.GetPriceBookAsync(Ct);

        Assert.Equal("Bundled price snapshot", book.Name);
        Assert.Null(book.FetchedAt);
        Assert.Empty(Pricing.Server.Requests);
    }

    [Fact]
    public async Task Live_prices_flow_from_the_price_list_api_into_the_stored_book_and_the_price_source()
    {
        var wait = await Refresher.RunDueAsync(Ct);

        Assert.Equal(Day, wait);
        Assert.Empty(Pricing.Api.Refused);
        var book = await Prices.GetPriceBookAsync(Ct);
        Assert.Equal("AWS Price List API", book.Name);
        Assert.Equal(InfraTestHost.Start, book.FetchedAt);
        Assert.Equal(DateOnly.FromDateTime(InfraTestHost.Start.UtcDateTime), book.AsOf);
        Assert.Equal(new UnitPrice(EuWest2, "ec2:m5d.4xlarge", 1.049m, "instance-hour", "AWS Price List API: SKU EUW2EC2M5D4XL, effective 2026-11-01", true), book.Find(EuWest2, "ec2:m5d.4xlarge"));
        Assert.Equal(0.905m, book.Find(UsEast1, "ec2:m5d.4xlarge")?.Usd);
        Assert.Equal(0.4m, book.Find(UsWest2, PriceSku.NotebookInstance("ml.t3.2xlarge"))?.Usd);
        Assert.Equal(0.04049m, book.Find(EuWest2, PriceSku.FargateVcpuHour)?.Usd);
        Assert.Equal(0.004446m, book.Find(EuWest2, PriceSku.FargateGbHour)?.Usd);
        Assert.Equal(0.05m, book.Find(UsWest2, PriceSku.TransitGatewayAttachmentHour)?.Usd);
        Assert.Equal(0.02m, book.Find(UsWest2, PriceSku.TransitGatewayGb)?.Usd);
        Assert.Equal(0.046m, book.Find(UsEast1, PriceSku.NatGatewayHour)?.Usd);
        Assert.Equal(0.146m, book.Find(UsWest2, PriceSku.FsxLustrePersistent2GbMonth(125))?.Usd);
        Assert.Equal(0.024m, book.Find(EuWest2, PriceSku.S3StandardGbMonth)?.Usd);
        Assert.Equal(0.021m, book.FindTransfer(UsEast1, EuWest2)?.Usd);
        Assert.Equal(0.02m, book.FindTransfer(UsWest2, UsEast1)?.Usd);

        // The API had no NAT GB price in us-east-1: the snapshot's fills the gap, marked as borrowed and unverified.
        var borrowed = book.Find(UsEast1, PriceSku.NatGatewayGb);
        Assert.Equal(0.045m, borrowed?.Usd);
        Assert.False(borrowed?.Verified);
        Assert.StartsWith("bundled snapshot (2026-05-08): ", borrowed?.Source, StringComparison.Ordinal);

        // Stored as fetched (without the borrowed price), and read back the same after a restart.
        Pricing.Host = await Host.RestartAsync(Ct);
        await using var db = await Host.CreateDbContextAsync(Ct);
        var row = await db.PriceBooks.SingleAsync(Ct);
        Assert.Equal(("AWS Price List API", InfraTestHost.Start), (row.Source, row.FetchedAt));
        Assert.DoesNotContain("bundled snapshot", row.Document, StringComparison.Ordinal);
        var reread = await Prices.GetPriceBookAsync(Ct);
        Assert.Equal(book.Prices.OrderBy(p => p.Region.Value).ThenBy(p => p.Sku), reread.Prices.OrderBy(p => p.Region.Value).ThenBy(p => p.Sku));
        Assert.Equal(InfraTestHost.Start, reread.FetchedAt);
    }

    [Fact]
    public async Task Each_price_is_asked_with_its_filters_one_call_at_a_time_following_next_tokens()
    {
        await Refresher.RefreshAsync(Ct);

        var requests = Pricing.Server.Requests.Select(r => JsonNode.Parse(r.BodyText)!.AsObject()).ToList();
        Assert.All(Pricing.Server.Requests, r => Assert.Equal("AWSPriceListService.GetProducts", r.Header("X-Amz-Target")));
        Assert.All(requests, r => Assert.Equal(100, (int)r["MaxResults"]!));
        var ec2 = requests.Single(r => (string)r["ServiceCode"]! == "AmazonEC2" && Filters(r).Contains(("regionCode", "us-west-2")) && Filters(r).Contains(("instanceType", "m5d.4xlarge")));
        Assert.Equal(
            [("instanceType", "m5d.4xlarge"), ("regionCode", "us-west-2"), ("operatingSystem", "Linux"), ("tenancy", "Shared"), ("preInstalledSw", "NA"), ("capacitystatus", "Used")],
            Filters(ec2));
        Assert.Contains(requests, r => (string)r["ServiceCode"]! == "AWSDataTransfer"
            && Filters(r).SequenceEqual([("fromRegionCode", "eu-west-2"), ("toRegionCode", "us-east-1"), ("transferType", "InterRegion Outbound")]));

        // Fargate in a region is four products, two to a page: both the vCPU and the GB price are on the second page.
        var fargate = requests.Where(r => (string)r["ServiceCode"]! == "AmazonECS" && Filters(r).Contains(("regionCode", "eu-west-2"))).ToList();
        Assert.Equal([null, "57r3EXAMPLE==:2", null, "57r3EXAMPLE==:2"], fargate.Select(r => (string?)r["NextToken"]));
        Assert.Equal((12 + 3) * 3, requests.Count); // 12 prices a region; Fargate twice and FSx once need a second page
    }

    [Fact]
    public async Task A_fresh_stored_book_is_not_fetched_again_until_the_interval_has_passed()
    {
        await Refresher.RunDueAsync(Ct);
        var calls = Pricing.Server.Requests.Count;
        var status = Host.Services.GetRequiredService<IPriceBookStatusSource>();
        Assert.False((await status.GetStatusAsync(Ct)).IsStale);

        Host.Clock.Advance(TimeSpan.FromHours(5));
        Assert.Equal(TimeSpan.FromHours(19), await Refresher.RunDueAsync(Ct));
        Assert.Equal(calls, Pricing.Server.Requests.Count);

        Host.Clock.Advance(TimeSpan.FromHours(19) + TimeSpan.FromSeconds(1));
        var stale = await status.GetStatusAsync(Ct);
        Assert.True(stale.IsStale);
        Assert.True(stale.IsLive);

        Assert.Equal(Day, await Refresher.RunDueAsync(Ct));
        Assert.Equal(2 * calls, Pricing.Server.Requests.Count);
        Assert.False((await status.GetStatusAsync(Ct)).IsStale);
        Assert.Equal(Host.Clock.GetUtcNow(), (await Prices.GetPriceBookAsync(Ct)).FetchedAt);
    }

    [Fact]
    public async Task Only_the_newest_books_are_kept()
    {
        for (var i = 0; i < 3; i++)
        {
            Assert.True(await Refresher.RefreshAsync(Ct));
            Host.Clock.Advance(TimeSpan.FromHours(1));
        }

        await using var db = await Host.CreateDbContextAsync(Ct);
        Assert.Equal([InfraTestHost.Start.AddHours(2), InfraTestHost.Start.AddHours(1)], await db.PriceBooks.OrderByDescending(b => b.FetchedAt).Select(b => b.FetchedAt).ToListAsync(Ct));
    }

    [Fact]
    public async Task When_the_api_fails_the_previous_book_stays_and_the_refresh_is_tried_again_within_the_hour()
    {
        Assert.True(await Refresher.RefreshAsync(Ct));
        Host.Clock.Advance(Day + TimeSpan.FromMinutes(1));
        Pricing.Api.Failure = FakePriceListApi.Error(500, "InternalErrorException", "We encountered an internal error. Please try again.");
        var calls = Pricing.Server.Requests.Count;

        Assert.Equal(TimeSpan.FromHours(1), await Refresher.RunDueAsync(Ct));

        Assert.Equal(calls + 3, Pricing.Server.Requests.Count);
        var book = await Prices.GetPriceBookAsync(Ct);
        Assert.Equal(("AWS Price List API", (DateTimeOffset?)InfraTestHost.Start), (book.Name, book.FetchedAt));
        await using var db = await Host.CreateDbContextAsync(Ct);
        Assert.Equal(1, await db.PriceBooks.CountAsync(Ct));
        Assert.True((await Host.Services.GetRequiredService<IPriceBookStatusSource>().GetStatusAsync(Ct)).IsStale);
    }

    [Fact]
    public async Task When_the_api_throttles_before_any_book_was_stored_the_snapshot_stays_in_use()
    {
        Pricing.Api.Failure = FakePriceListApi.Error(400, "ThrottlingException", "Rate exceeded");

        Assert.False(await Refresher.RefreshAsync(Ct));

        Assert.Equal(3, Pricing.Server.Requests.Count);
        Assert.Equal(2, Pricing.Retries.Delays.Count);
        Assert.Equal("Bundled price snapshot", (await Prices.GetPriceBookAsync(Ct)).Name);
        await using var db = await Host.CreateDbContextAsync(Ct);
        Assert.Equal(0, await db.PriceBooks.CountAsync(Ct));
    }

    private static List<(string, string)> Filters(JsonObject request) =>
        [.. request["Filters"]!.AsArray().Select(f => ((string)f!["Field"]!, (string)f["Value"]!))];
}

public sealed class PriceBookRefresherOnSqliteTests : PriceBookRefresherTests
{
    protected override TestProvider Provider => TestProvider.Sqlite;
}

public sealed class PriceBookRefresherOnPostgreSqlTests : PriceBookRefresherTests
{
    protected override TestProvider Provider => TestProvider.PostgreSql;
}
