using Portal.Domain.Costs;
using Portal.Domain.LaunchPlans;
using Portal.Domain.Regions;

namespace Portal.Domain.Tests.Costs;

public sealed class CostEstimatorTests
{
    private static readonly RegionCode London = RegionCode.Parse("eu-west-2");
    private static readonly RegionCode Virginia = RegionCode.Parse("us-east-1");
    private static readonly RegionCode Oregon = RegionCode.Parse("us-west-2");

    private static readonly PriceBook Prices = new(new DateOnly(2026, 5, 8), "Test prices",
    [
        new(Virginia, PriceSku.Ec2Instance("m5d.4xlarge"), 1.00m, "instance-hour", "test", true),
        new(Oregon, PriceSku.Ec2Instance("m5d.4xlarge"), 2.00m, "instance-hour", "test", true),
        new(London, PriceSku.Ec2Instance("m5d.4xlarge"), 1.10m, "instance-hour", "test", true),
        new(London, PriceSku.FargateVcpuHour, 0.04m, "vCPU-hour", "test", true),
        new(London, PriceSku.FargateGbHour, 0.005m, "GB-hour", "test", true),
        new(London, PriceSku.NotebookInstance("ml.t3.2xlarge"), 0.40m, "instance-hour", "test", false),
        new(London, PriceSku.NatGatewayHour, 0.05m, "hour", "test", true),
        new(London, PriceSku.TransitGatewayAttachmentHour, 0.05m, "attachment-hour", "test", true),
        new(London, PriceSku.S3StandardGbMonth, 0.024m, "GB-month", "test", true),
        new(Virginia, PriceSku.FsxLustrePersistent2GbMonth(125), 0.145m, "GB-month", "test", true),
        new(Virginia, PriceSku.NatGatewayHour, 0.045m, "hour", "test", true),
        new(Virginia, PriceSku.TransitGatewayAttachmentHour, 0.05m, "attachment-hour", "test", true),
        new(Virginia, PriceSku.TransferToGb(London), 0.02m, "GB", "test", true),
        new(Virginia, PriceSku.InterRegionTransferGb, 0.09m, "GB", "test", true),
        new(Oregon, PriceSku.FsxLustrePersistent2GbMonth(125), 0.145m, "GB-month", "test", true),
        new(Oregon, PriceSku.NatGatewayHour, 0.045m, "hour", "test", true),
        new(Oregon, PriceSku.TransitGatewayAttachmentHour, 0.05m, "attachment-hour", "test", true),
        new(Oregon, PriceSku.InterRegionTransferGb, 0.03m, "GB", "test", true),
    ]);

    /// <summary>500 GB in Virginia, 200 GB in Oregon, 50 GB at home in London.</summary>
    private static readonly DataToRead Data = new(
    [
        new DataPart("A", Virginia, 500_000_000_000, VolumeBasis.Computed, "test"),
        new DataPart("B", Oregon, 200_000_000_000, VolumeBasis.Published, "test"),
        new DataPart("C", London, 50_000_000_000, VolumeBasis.Assumed, "test"),
    ]);

    private readonly CostEstimator _estimator = new(RegionCatalog.Default, LaunchSettings.Default);

    [Fact]
    public void Prices_every_region_per_hour_and_for_the_maximum_hours()
    {
        var estimate = _estimator.Estimate(Prices, [Virginia, Oregon], 3, "m5d.4xlarge", 4);

        // Home: 1 vCPU × $0.04 + 4 GB × $0.005 + 1 notebook × $0.40; workers: 3 × $1.00 and 3 × $2.00.
        var home = estimate.Regions.Single(r => r.Region == London);
        Assert.Equal(0.04m + (4 * 0.005m) + 0.40m, home.HourlyUsd);
        Assert.Equal(3 * 1.00m, estimate.Regions.Single(r => r.Region == Virginia).HourlyUsd);
        Assert.Equal(3 * 2.00m, estimate.Regions.Single(r => r.Region == Oregon).HourlyUsd);
        Assert.Equal(0.46m + 3.00m + 6.00m, estimate.HourlyUsd);
        Assert.Equal(37.84m, estimate.TotalUsd);
        Assert.Equal(new DateOnly(2026, 5, 8), estimate.PricesAsOf);
        Assert.True(estimate.IsComplete);
        Assert.False(estimate.AllVerified);
        Assert.Null(estimate.CopyHome);
    }

    [Fact]
    public void Foundations_are_priced_per_month_and_their_share_over_the_session_is_shown_apart()
    {
        var estimate = _estimator.Estimate(Prices, [Virginia, Oregon], 3, "m5d.4xlarge", 4);

        // Home: NAT 730 h × $0.05 + TGW attachment 730 h × $0.05 = $73.00.
        var home = estimate.Foundations.Single(f => f.Region == London);
        Assert.Equal(73.00m, home.MonthlyUsd);
        Assert.DoesNotContain(home.Lines, l => l.Item.StartsWith("FSx", StringComparison.Ordinal));
        // Virginia: FSx 1,200 GB-month × $0.145 = $174.00, NAT 730 × $0.045 = $32.85, TGW 730 × $0.05 = $36.50.
        var virginia = estimate.Foundations.Single(f => f.Region == Virginia);
        Assert.Equal([174.00m, 32.85m, 36.50m], virginia.Lines.Select(l => l.AmountUsd));
        Assert.Equal(243.35m, virginia.MonthlyUsd);
        Assert.Equal(73.00m + 243.35m + 243.35m, estimate.FoundationMonthlyUsd);
        // Over 4 of 730 hours: $0.40 + $1.33 + $1.33; not part of the session's own figures.
        Assert.Equal(0.40m, home.ShareUsd(4));
        Assert.Equal(1.33m, virginia.ShareUsd(4));
        Assert.Equal(3.06m, estimate.FoundationShareUsd);
        Assert.Equal(37.84m, estimate.TotalUsd);
    }

    [Fact]
    public void A_regions_foundation_is_priced_alone_by_its_role_as_a_sessions_estimate_prices_it()
    {
        var home = _estimator.Foundation(Prices, London);
        var virginia = _estimator.Foundation(Prices, Virginia);

        Assert.Equal((RegionRole.Home, 73.00m), (home.Role, home.MonthlyUsd));
        Assert.Equal(["NAT gateway", "Transit Gateway attachment"], home.Lines.Select(l => l.Item));
        Assert.Equal((RegionRole.Worker, 243.35m), (virginia.Role, virginia.MonthlyUsd));
        Assert.Equal(
            _estimator.Estimate(Prices, [Virginia], 1, "m5d.4xlarge", 1).Foundations.Single(f => f.Region == Virginia).Lines,
            virginia.Lines);
        Assert.Throws<DomainException>(() => _estimator.Foundation(Prices, RegionCode.Parse("ap-south-1")));
    }

    [Fact]
    public void Computing_next_to_the_data_is_compared_with_copying_it_home_line_by_line()
    {
        var estimate = _estimator.Estimate(Prices, [Virginia, Oregon], 3, "m5d.4xlarge", 4, Data);
        var compare = Assert.IsType<CopyHomeComparison>(estimate.CopyHome);

        // Next to the data: 4 h × $9.46; results (1 %) home: 5 GB × $0.02 (the pair's price) and 2 GB × $0.03 (Oregon's to anywhere).
        Assert.Equal([37.84m, 0.10m, 0.06m], compare.NextToData.Select(l => l.AmountUsd));
        Assert.Equal(38.00m, compare.NextToDataUsd);
        // Copy home: 500 GB × $0.02 + 200 GB × $0.03; 700 GB-month × $0.024 in S3; 4 h × ($0.46 + 6 × $1.10) at home.
        // London's own 50 GB is not copied.
        Assert.Equal([10.00m, 6.00m, 16.80m, 28.24m], compare.CopyHome.Select(l => l.AmountUsd));
        Assert.Equal(61.04m, compare.CopyHomeUsd);
        Assert.Equal(23.04m, compare.SavingUsd);
        Assert.Equal(700_000_000_000, compare.BytesMoved);
        // An hour next to the data costs $9.46 - $7.06 = $2.40 more; the copy's one-off is $32.80 - $0.16 = $32.64: 13.6 h.
        Assert.Equal(9.46m, compare.NextToDataHourlyUsd);
        Assert.Equal(7.06m, compare.HomeHourlyUsd);
        Assert.Equal(13.6m, compare.BreakEvenHours);
        // 700 GB at 250 MB/s.
        Assert.Equal(TimeSpan.FromSeconds(2800), compare.CopyTime);
        Assert.True(compare.IsComplete);
    }

    [Fact]
    public void Copying_home_never_pays_off_when_an_hour_at_home_costs_as_much()
    {
        var estimate = _estimator.Estimate(Prices, [Virginia], 3, "m5d.4xlarge", 4, Data);

        // Virginia's workers ($1.00) are cheaper than London's ($1.10): no break-even.
        Assert.Null(estimate.CopyHome!.BreakEvenHours);
        Assert.True(estimate.CopyHome.SavingUsd > 0);
    }

    [Fact]
    public void A_copy_with_no_transfer_price_is_incomplete_rather_than_free()
    {
        var book = new PriceBook(Prices.AsOf, Prices.Name, Prices.Prices.Where(p => p.Sku != PriceSku.InterRegionTransferGb || p.Region != Oregon));

        var compare = _estimator.Estimate(book, [Oregon], 1, "m5d.4xlarge", 1, Data).CopyHome!;

        Assert.False(compare.IsComplete);
        Assert.Contains(compare.CopyHome, l => !l.IsPriced && l.Item.Contains("us-west-2", StringComparison.Ordinal));
    }

    [Fact]
    public void More_workers_cost_more()
    {
        var two = _estimator.Estimate(Prices, [Virginia], 2, "m5d.4xlarge", 1);
        var ten = _estimator.Estimate(Prices, [Virginia], 10, "m5d.4xlarge", 1);

        Assert.Equal(8m, ten.HourlyUsd - two.HourlyUsd);
    }

    [Fact]
    public void A_missing_price_is_shown_as_incomplete_rather_than_zero_silently()
    {
        var estimate = _estimator.Estimate(Prices, [Virginia], 2, "c7g.large", 1);

        Assert.False(estimate.IsComplete);
        Assert.Contains(estimate.Regions.Single(r => r.Region == Virginia).Lines, l => !l.IsPriced);
    }

    [Fact]
    public void Without_datasets_only_the_home_region_is_priced()
    {
        var estimate = _estimator.Estimate(Prices, [], 2, "m5d.4xlarge", 2);

        Assert.Equal(London, Assert.Single(estimate.Regions).Region);
    }

    [Fact]
    public void A_price_book_refuses_duplicates_and_negative_prices()
    {
        Assert.Throws<DomainException>(() => new PriceBook(new DateOnly(2026, 1, 1), "x",
        [
            new(Virginia, "a", 1m, "h", "s", true),
            new(Virginia, "a", 2m, "h", "s", true),
        ]));
        Assert.Throws<DomainException>(() => new PriceBook(new DateOnly(2026, 1, 1), "x", [new(Virginia, "a", -1m, "h", "s", true)]));
    }
}
