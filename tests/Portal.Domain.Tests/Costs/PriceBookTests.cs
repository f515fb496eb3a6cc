using Portal.Domain.Costs;
using Portal.Domain.Regions;

namespace Portal.Domain.Tests.Costs;

public sealed class PriceBookTests
{
    private static readonly RegionCode Virginia = RegionCode.Parse("us-east-1");
    private static readonly RegionCode Oregon = RegionCode.Parse("us-west-2");
    private static readonly DateTimeOffset Fetched = new(2026, 12, 1, 6, 0, 0, TimeSpan.Zero);

    private static readonly PriceBook Live = new(new DateOnly(2026, 12, 1), "AWS Price List API",
        [new(Virginia, PriceSku.NatGatewayHour, 0.046m, "hour", "api", true)]) { FetchedAt = Fetched };

    private static readonly PriceBook Snapshot = new(new DateOnly(2026, 5, 8), "Bundled price snapshot",
    [
        new(Virginia, PriceSku.NatGatewayHour, 0.045m, "hour", "snap", true),
        new(Virginia, PriceSku.NatGatewayGb, 0.045m, "GB", "basavytix.com", true),
        new(Oregon, PriceSku.NatGatewayHour, 0.045m, "hour", "cloudpipelines", false),
    ]);

    [Fact]
    public void Filling_gaps_keeps_the_books_own_prices_name_and_times_and_marks_borrowed_prices_unverified()
    {
        var filled = Live.FillGapsFrom(Snapshot, "bundled snapshot");

        Assert.Equal(("AWS Price List API", new DateOnly(2026, 12, 1), (DateTimeOffset?)Fetched), (filled.Name, filled.AsOf, filled.FetchedAt));
        Assert.Equal(3, filled.Prices.Count);
        Assert.Equal(new UnitPrice(Virginia, PriceSku.NatGatewayHour, 0.046m, "hour", "api", true), filled.Find(Virginia, PriceSku.NatGatewayHour));
        Assert.Equal(new UnitPrice(Virginia, PriceSku.NatGatewayGb, 0.045m, "GB", "bundled snapshot (2026-05-08): basavytix.com", false), filled.Find(Virginia, PriceSku.NatGatewayGb));
        Assert.False(filled.Find(Oregon, PriceSku.NatGatewayHour)!.Verified);
    }

    [Fact]
    public void A_status_is_stale_once_the_book_is_older_than_the_refresh_interval()
    {
        Assert.False(PriceBookStatus.Of(Live, TimeSpan.FromDays(1), isLive: true, Fetched.AddDays(1)).IsStale);
        Assert.True(PriceBookStatus.Of(Live, TimeSpan.FromDays(1), isLive: true, Fetched.AddDays(1).AddSeconds(1)).IsStale);
        Assert.True(PriceBookStatus.Of(Snapshot, TimeSpan.FromDays(30), isLive: false, new DateTimeOffset(2026, 6, 8, 0, 0, 1, TimeSpan.Zero)).IsStale);
    }
}
