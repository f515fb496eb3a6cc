using Portal.Domain.Costs;
using Portal.Domain.Datasets;
using Portal.Domain.Regions;

namespace Portal.Domain.Tests.Datasets;

public sealed class DatasetAdvisorTests
{
    private static readonly RegionCode CapeTown = RegionCode.Parse("af-south-1");
    private static readonly RegionCode UsWest2 = RegionCode.Parse("us-west-2");

    private static readonly Dataset Saeon = DatasetSearchTests.Other("saeon-rivers", "SAEON river gauges", CapeTown, DataFormat.Csv) with { SizeBytes = 250_000_000_000 };
    private static readonly Dataset Unsized = DatasetSearchTests.Other("sa-weather", "SA weather", CapeTown, DataFormat.Unknown);
    private static readonly Dataset Paying = DatasetSearchTests.Other("paying", "Requester pays data", UsWest2, DataFormat.Parquet) with { RequesterPays = true };

    private static readonly PriceBook Prices = new(new DateOnly(2026, 5, 8), "test",
    [
        new UnitPrice(CapeTown, PriceSku.InterRegionTransferGb, 0.147m, "GB", "test", true),
    ]);

    private readonly DatasetAdvisor _advisor = new(RegionCatalog.Default, new DatasetCatalog([.. DatasetCatalog.Curated, Saeon, Unsized, Paying]));

    [Fact]
    public void Data_where_no_workers_run_blocks_launch_and_says_what_moving_it_home_would_cost()
    {
        var notices = _advisor.For([Saeon.Id], Prices);

        Assert.Equal([DatasetNoticeKind.OutsideWorkerRegions, DatasetNoticeKind.OpenedByPath], notices.Select(n => n.Kind));
        var notice = notices[0];
        Assert.True(notice.Blocks);
        Assert.Contains("af-south-1 (Africa (Cape Town))", notice.Message, StringComparison.Ordinal);
        Assert.Contains("250.0 GB", notice.Message, StringComparison.Ordinal);
        Assert.Contains("about $36.75 at $0.147 per GB", notice.Message, StringComparison.Ordinal);
        Assert.Contains("Ask an admin to enable af-south-1", notice.Message, StringComparison.Ordinal);
        Assert.Contains("us-east-1, us-west-2", notice.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_size_or_a_price_the_notice_says_what_it_does_not_know()
    {
        var unsized = _advisor.For([Unsized.Id], Prices).Single(n => n.Kind == DatasetNoticeKind.OutsideWorkerRegions);
        Assert.Contains("does not publish its size", unsized.Message, StringComparison.Ordinal);
        Assert.Contains("$0.147 per GB (100 GB: $14.70)", unsized.Message, StringComparison.Ordinal);

        var unpriced = _advisor.For([Saeon.Id], prices: null).Single(n => n.Kind == DatasetNoticeKind.OutsideWorkerRegions);
        Assert.Contains("which the price book does not hold", unpriced.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_deprecated_dataset_names_its_successor()
    {
        var notice = Assert.Single(_advisor.For([DatasetCatalog.Era5], Prices));

        Assert.Equal(DatasetNoticeKind.Deprecated, notice.Kind);
        Assert.False(notice.Blocks);
        Assert.Contains("ERA5 reanalysis (NSF NCAR) (us-west-2) replaces it", notice.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Requester_pays_and_datasets_outside_the_analysis_are_explained_without_blocking()
    {
        var notices = _advisor.For([Paying.Id], Prices);

        Assert.Equal([DatasetNoticeKind.RequesterPays, DatasetNoticeKind.OpenedByPath], notices.Select(n => n.Kind));
        Assert.All(notices, n => Assert.False(n.Blocks));
        Assert.Contains("portal's AWS account is billed", notices[0].Message, StringComparison.Ordinal);
        Assert.Contains("dask.dataframe.read_parquet", notices[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Analysed_datasets_in_worker_regions_need_no_notice()
    {
        Assert.Empty(_advisor.For([DatasetCatalog.Cmip6, DatasetCatalog.Era5Ncar, DatasetId.Parse("not-in-the-catalogue")], Prices));
        Assert.True(_advisor.HasWorkers(UsWest2));
        Assert.False(_advisor.HasWorkers(CapeTown));
        Assert.False(_advisor.HasWorkers(RegionCode.Parse("eu-west-2")));
    }
}
