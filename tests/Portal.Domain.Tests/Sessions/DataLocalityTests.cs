using Portal.Domain.Regions;
using Portal.Domain.Sessions;

namespace Portal.Domain.Tests.Sessions;

public sealed class DataLocalityTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 4, 9, 0, 0, TimeSpan.Zero);
    private static readonly RegionCode UsEast1 = RegionCode.Parse("us-east-1");
    private static readonly RegionCode UsWest2 = RegionCode.Parse("us-west-2");
    private static readonly RegionCode EuWest2 = RegionCode.Parse("eu-west-2");

    private static DataLocality Figure(long rawEastToWest = 0, long resultsEastToWest = 5_400) => new(
        [new PoolLocality(UsEast1, 2, 1_234_000_000), new PoolLocality(UsWest2, 2, 850_000_000)],
        [new RegionTransfer(UsEast1, UsWest2, rawEastToWest, resultsEastToWest)],
        5_400,
        T0);

    [Fact]
    public void Describes_bytes_read_per_pool_and_what_moved_between_regions()
    {
        Assert.Equal("read 1.2 GB in us-east-1, 850.0 MB in us-west-2; moved between regions: 0 B raw, 5.4 KB of results", Figure().Describe());
    }

    [Fact]
    public void A_figure_without_pools_reads_nothing()
    {
        var figure = new DataLocality([], [], 0, T0);

        Assert.Equal("read 0 B; moved between regions: 0 B raw, 0 B of results", figure.Describe());
        Assert.True(figure.RawDataStayedInRegion);
    }

    [Fact]
    public void Adds_up_raw_and_result_bytes_over_every_pair()
    {
        var figure = new DataLocality(
            [new PoolLocality(UsEast1, 2, 0), new PoolLocality(UsWest2, 2, 0)],
            [new RegionTransfer(UsEast1, UsWest2, 300, 1_000), new RegionTransfer(UsWest2, UsEast1, 700, 24)],
            0,
            T0);

        Assert.Equal(1_000m, figure.RawBytesBetweenRegions);
        Assert.Equal(1_024m, figure.ResultBytesBetweenRegions);
        Assert.False(figure.RawDataStayedInRegion);
        Assert.Equal([UsWest2, UsEast1], figure.RawTransfers.Select(t => t.From));
    }

    [Fact]
    public void Totals_of_the_largest_figures_do_not_overflow()
    {
        var pairs = Enumerable.Range(0, 16).Select(i => new RegionTransfer(RegionCode.Parse($"xx-east-{i}"), UsWest2, DataLocality.MaxFigure, DataLocality.MaxFigure));
        var figure = new DataLocality([], pairs, DataLocality.MaxFigure, T0);

        Assert.Equal(16m * DataLocality.MaxFigure, figure.RawBytesBetweenRegions);
        Assert.EndsWith("16000000.0 TB raw, 16000000.0 TB of results", figure.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public void Raw_bytes_that_stayed_home_are_what_the_pools_are_for()
    {
        Assert.True(Figure(rawEastToWest: 0).RawDataStayedInRegion);
        Assert.Empty(Figure(rawEastToWest: 0).RawTransfers);
        Assert.False(Figure(rawEastToWest: 1).RawDataStayedInRegion);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(DataLocality.MaxFigure + 1)]
    public void Refuses_a_figure_outside_zero_to_ten_to_the_eighteen(long bytes)
    {
        var ex = Assert.Throws<DomainException>(() => new PoolLocality(UsEast1, 2, bytes));

        Assert.Contains("Bytes read in us-east-1", ex.Message, StringComparison.Ordinal);
        Assert.Throws<DomainException>(() => new PoolLocality(UsEast1, bytes, 0));
        Assert.Throws<DomainException>(() => new RegionTransfer(UsEast1, UsWest2, bytes, 0));
        Assert.Throws<DomainException>(() => new RegionTransfer(UsEast1, UsWest2, 0, bytes));
        Assert.Throws<DomainException>(() => new DataLocality([], [], bytes, T0));
    }

    [Fact]
    public void Refuses_a_pair_from_a_region_to_itself()
    {
        var ex = Assert.Throws<DomainException>(() => new RegionTransfer(UsEast1, UsEast1, 0, 0));

        Assert.Contains("us-east-1 to itself", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_a_pool_or_a_pair_named_twice()
    {
        Assert.Throws<DomainException>(() => new DataLocality([new PoolLocality(UsEast1, 1, 0), new PoolLocality(UsEast1, 2, 0)], [], 0, T0));
        Assert.Throws<DomainException>(() => new DataLocality([], [new RegionTransfer(UsEast1, UsWest2, 0, 0), new RegionTransfer(UsEast1, UsWest2, 1, 1)], 0, T0));
    }

    [Fact]
    public void Refuses_more_pools_or_pairs_than_the_limits()
    {
        var pools = Enumerable.Range(0, DataLocality.MaxPools + 1).Select(i => new PoolLocality(RegionCode.Parse($"xx-east-{i}"), 1, 0));
        var pairs = Enumerable.Range(0, DataLocality.MaxPairs + 1).Select(i => new RegionTransfer(RegionCode.Parse($"xx-east-{i}"), UsWest2, 0, 0));

        Assert.Throws<DomainException>(() => new DataLocality(pools, [], 0, T0));
        Assert.Throws<DomainException>(() => new DataLocality([], pairs, 0, T0));
    }

    [Fact]
    public void Names_the_first_region_outside_the_sessions_pools()
    {
        var figure = new DataLocality([new PoolLocality(UsEast1, 2, 0)], [new RegionTransfer(UsEast1, EuWest2, 0, 0)], 0, T0);

        Assert.Equal(EuWest2, figure.RegionOutside([UsEast1, UsWest2]));
        Assert.Null(figure.RegionOutside([UsEast1, EuWest2]));
    }

    [Fact]
    public void Two_figures_with_the_same_counts_are_equal()
    {
        Assert.Equal(Figure(), Figure());
        Assert.NotEqual(Figure(), Figure(rawEastToWest: 1));
        Assert.NotEqual(Figure(), Figure() with { ReportedAt = T0.AddMinutes(1) });
    }
}
