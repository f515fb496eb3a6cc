using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Costs;
using Portal.Domain.LaunchPlans;
using Portal.Domain.Regions;
using Portal.Domain.Sessions;
using Portal.Infra.Pricing;
using Portal.Infra.Tests.Support;

namespace Portal.Infra.Tests.Pricing;

public sealed class BundledPriceSourceTests
{
    private const string Header = "# as_of: 2026-05-08 (newest source)\nregion,sku,usd,unit,verified,source\n";

    private static readonly RegionCode EuWest2 = RegionCode.Parse("eu-west-2");
    private static readonly RegionCode UsEast1 = RegionCode.Parse("us-east-1");
    private static readonly RegionCode UsWest2 = RegionCode.Parse("us-west-2");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_embedded_snapshot_parses_with_its_date_and_name()
    {
        var book = await new BundledPriceSource().GetPriceBookAsync(Ct);

        Assert.Equal(new DateOnly(2026, 5, 8), book.AsOf);
        Assert.Equal("Bundled price snapshot", book.Name);
        Assert.Equal(30, book.Prices.Count);
        Assert.All(book.Prices, p => Assert.False(string.IsNullOrWhiteSpace(p.Source), $"{p.Sku} in {p.Region} has no source."));
        var m5d = book.Find(UsEast1, "ec2:m5d.4xlarge");
        Assert.Equal(new UnitPrice(UsEast1, "ec2:m5d.4xlarge", 0.904m, "instance-hour", "skypilot-catalog v7 vms.csv; karpenter zz_generated.pricing_aws.go (2026-01-19)", true), m5d);
        Assert.False(book.Find(UsWest2, PriceSku.FargateGbHour)?.Verified);
    }

    [Fact]
    public async Task The_snapshot_prices_every_line_of_the_default_estimate_in_the_three_default_regions()
    {
        var book = await new BundledPriceSource().GetPriceBookAsync(Ct);
        var estimator = new CostEstimator(RegionCatalog.Default, LaunchSettings.Default);

        var estimate = estimator.Estimate(book, [UsEast1, UsWest2], workersPerRegion: 2, SessionRequest.DefaultWorkerSize, hours: 4);

        Assert.True(estimate.IsComplete, string.Join("; ", estimate.Regions.SelectMany(r => r.Lines.Where(l => !l.IsPriced).Select(l => $"{r.Region}: {l.Item}"))));
        Assert.Equal([EuWest2, UsEast1, UsWest2], estimate.Regions.Select(r => r.Region));
        Assert.All(estimate.Regions, r => Assert.True(r.HourlyUsd > 0, $"{r.Region} costs nothing."));
        Assert.Equal(new DateOnly(2026, 5, 8), estimate.PricesAsOf);

        // 2 × m5d.4xlarge in each worker region; scheduler (1 vCPU, 4 GB) and notebook at home.
        var expectedHourly = (2 * 0.904m) + (2 * 0.904m) + (0.04656m + 4 * 0.00511m + 0.453m);
        Assert.Equal(expectedHourly, estimate.HourlyUsd);

        // Each foundation per month: NAT and Transit Gateway attachment 730 h each; FSx 1,200 GB-month in worker regions.
        Assert.True(estimate.IsComplete, string.Join("; ", estimate.Foundations.SelectMany(f => f.Lines.Where(l => !l.IsPriced).Select(l => $"{f.Region}: {l.Item}"))));
        Assert.Equal((730 * 0.05m) + (730 * 0.05m), estimate.Foundations.Single(f => f.Region == EuWest2).MonthlyUsd);
        Assert.Equal((1200 * 0.145m) + (730 * 0.045m) + (730 * 0.05m), estimate.Foundations.Single(f => f.Region == UsEast1).MonthlyUsd);
    }

    [Fact]
    public async Task The_snapshot_prices_the_copy_home_comparison_of_the_default_regions()
    {
        var book = await new BundledPriceSource().GetPriceBookAsync(Ct);
        var estimator = new CostEstimator(RegionCatalog.Default, LaunchSettings.Default);
        var data = new DataToRead([new("ERA5", UsEast1, 10_000_000_000, VolumeBasis.Computed, "test"), new("CMIP6", UsWest2, 5_000_000_000, VolumeBasis.Computed, "test")]);

        var compare = estimator.Estimate(book, [UsEast1, UsWest2], 2, SessionRequest.DefaultWorkerSize, 4, data).CopyHome!;

        Assert.True(compare.IsComplete, string.Join("; ", compare.NextToData.Concat(compare.CopyHome).Where(l => !l.IsPriced).Select(l => l.Item)));
        // 15 GB at $0.02 to move, 15 GB-month at $0.024 to keep.
        Assert.Equal([0.20m, 0.10m, 0.36m], compare.CopyHome.Take(3).Select(l => decimal.Round(l.AmountUsd, 2)));
    }

    [Fact]
    public async Task The_portal_composes_the_bundled_snapshot_as_its_price_source()
    {
        await using var host = await InfraTestHost.CreateAsync(Ct);

        var source = host.Services.GetRequiredService<IPriceSource>();

        var book = await source.GetPriceBookAsync(Ct);
        Assert.Same(await new BundledPriceSource().GetPriceBookAsync(Ct), book);
        Assert.Same(book, await source.GetPriceBookAsync(Ct));
    }

    [Fact]
    public void Parses_comments_blank_lines_and_windows_line_endings()
    {
        var book = BundledPriceSource.Parse("# comment\r\n# as_of: 2025-12-31\r\n\r\nregion,sku,usd,unit,verified,source\r\nus-east-1,ec2:x,1.5,instance-hour,false,a, b, c\r\n");

        Assert.Equal(new DateOnly(2025, 12, 31), book.AsOf);
        var price = Assert.Single(book.Prices);
        Assert.Equal(new UnitPrice(UsEast1, "ec2:x", 1.5m, "instance-hour", "a, b, c", false), price);
    }

    [Theory]
    [InlineData("us-east-1,ec2:m5d.4xlarge,0.904,instance-hour,true", "6 columns")]
    [InlineData("us-east-1,ec2:m5d.4xlarge,cheap,instance-hour,true,src", "'cheap' is not a price")]
    [InlineData("us-east-1,ec2:m5d.4xlarge,-0.904,instance-hour,true,src", "'-0.904' is not a price")]
    [InlineData("us-east-1,ec2:m5d.4xlarge,0.904,instance-hour,yes,src", "'yes' is not true or false")]
    [InlineData("US East,ec2:m5d.4xlarge,0.904,instance-hour,true,src", "'US East' is not a region code")]
    [InlineData("us-east-1,,0.904,instance-hour,true,src", "the sku and the unit must be given")]
    [InlineData("us-east-1,ec2:m5d.4xlarge,0.904,,true,src", "the sku and the unit must be given")]
    public void Refuses_a_malformed_price_line_and_names_it(string line, string why)
    {
        var error = Assert.Throws<FormatException>(() => BundledPriceSource.Parse(Header + "us-west-2,ec2:m5d.4xlarge,0.904,instance-hour,true,src\n" + line + "\n"));

        Assert.Contains(why, error.Message, StringComparison.Ordinal);
        Assert.Contains("line 4", error.Message, StringComparison.Ordinal);
        Assert.EndsWith(line, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("# as_of: soon")]
    [InlineData("# as_of: 2026-5-8")]
    [InlineData("# as_of: 2026-13-01")]
    public void Refuses_an_as_of_line_without_a_date(string asOf)
    {
        var error = Assert.Throws<FormatException>(() => BundledPriceSource.Parse(asOf + "\nus-east-1,ec2:x,1,instance-hour,true,src\n"));

        Assert.Contains("line 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_a_snapshot_without_an_as_of_date()
    {
        var error = Assert.Throws<FormatException>(() => BundledPriceSource.Parse("region,sku,usd,unit,verified,source\nus-east-1,ec2:x,1,instance-hour,true,src\n"));

        Assert.Contains("as_of", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_a_price_listed_twice()
    {
        var error = Assert.Throws<FormatException>(() => BundledPriceSource.Parse(Header + "us-east-1,ec2:x,1,instance-hour,true,a\nus-east-1,ec2:x,2,instance-hour,true,b\n"));

        Assert.Contains("listed twice", error.Message, StringComparison.Ordinal);
    }
}
