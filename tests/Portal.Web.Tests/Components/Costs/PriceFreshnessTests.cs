using Portal.Domain.Costs;
using Portal.Web.Components.Costs;

namespace Portal.Web.Tests.Components.Costs;

public sealed class PriceFreshnessTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Fresh_live_prices_need_no_warning()
    {
        var book = new PriceBook(new DateOnly(2026, 12, 7), "AWS Price List API", []) { FetchedAt = Now.AddHours(-3) };

        Assert.Null(PriceFreshness.Warning(PriceBookStatus.Of(book, TimeSpan.FromDays(1), isLive: true, Now), Now));
    }

    [Fact]
    public void Live_prices_older_than_the_refresh_interval_say_when_they_were_read()
    {
        var book = new PriceBook(new DateOnly(2026, 12, 4), "AWS Price List API", []) { FetchedAt = Now.AddDays(-3) };

        var warning = PriceFreshness.Warning(PriceBookStatus.Of(book, TimeSpan.FromDays(1), isLive: true, Now), Now);

        Assert.Equal(
            "Prices were read from AWS on 2026-12-04 12:00 UTC, 3 days ago: they are refreshed every 1 day and the last refresh did not succeed. AWS may charge differently; an admin can check the portal's log.",
            warning);
    }

    [Fact]
    public void The_bundled_snapshot_says_its_date_and_age()
    {
        var book = new PriceBook(new DateOnly(2026, 5, 8), "Bundled price snapshot", []);

        var warning = PriceFreshness.Warning(PriceBookStatus.Of(book, TimeSpan.FromDays(1), isLive: false, Now), Now);

        Assert.Equal("These are the portal's bundled prices of 2026-05-08 (213 days old), not live AWS prices: AWS may charge differently.", warning);
    }
}
