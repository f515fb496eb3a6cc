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
        new(Virginia, PriceSku.TransitGatewayAttachmentHour, 0.05m, "attachment-hour", "test", true),
        new(Oregon, PriceSku.TransitGatewayAttachmentHour, 0.05m, "attachment-hour", "test", true),
        new(London, PriceSku.FargateVcpuHour, 0.04m, "vCPU-hour", "test", true),
        new(London, PriceSku.FargateGbHour, 0.005m, "GB-hour", "test", true),
        new(London, PriceSku.NotebookInstance("ml.t3.2xlarge"), 0.40m, "instance-hour", "test", false),
    ]);

    private readonly CostEstimator _estimator = new(RegionCatalog.Default, LaunchSettings.Default);

    [Fact]
    public void Prices_every_region_per_hour_and_for_the_maximum_hours()
    {
        var estimate = _estimator.Estimate(Prices, [Virginia, Oregon], 3, "m5d.4xlarge", 4);

        var home = estimate.Regions.Single(r => r.Region == London);
        Assert.Equal(0.04m + (4 * 0.005m) + 0.40m, home.HourlyUsd);
        Assert.Equal((3 * 1.00m) + 0.05m, estimate.Regions.Single(r => r.Region == Virginia).HourlyUsd);
        Assert.Equal((3 * 2.00m) + 0.05m, estimate.Regions.Single(r => r.Region == Oregon).HourlyUsd);
        Assert.Equal(0.46m + 3.05m + 6.05m, estimate.HourlyUsd);
        Assert.Equal(decimal.Round(9.56m * 4, 2), estimate.TotalUsd);
        Assert.Equal(new DateOnly(2026, 5, 8), estimate.PricesAsOf);
        Assert.True(estimate.IsComplete);
        Assert.False(estimate.AllVerified);
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
