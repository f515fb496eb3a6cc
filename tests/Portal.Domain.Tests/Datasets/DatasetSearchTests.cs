using Portal.Domain.Datasets;
using Portal.Domain.Regions;

namespace Portal.Domain.Tests.Datasets;

public sealed class DatasetSearchTests
{
    private static readonly RegionCode UsWest2 = RegionCode.Parse("us-west-2");
    private static readonly RegionCode CapeTown = RegionCode.Parse("af-south-1");

    private static readonly Dataset Goes = Other("noaa-goes16", "NOAA GOES-16", UsWest2, DataFormat.NetCdf, "weather", "satellite imagery");
    private static readonly Dataset Parquet = Other("osm-parquet", "OpenStreetMap as Parquet", UsWest2, DataFormat.Parquet, "geospatial");
    private static readonly Dataset Saeon = Other("saeon-rivers", "SAEON river gauges", CapeTown, DataFormat.Csv, "hydrology", "weather");

    private readonly DatasetSearch _search = new([Goes, Parquet, Saeon, .. DatasetCatalog.Curated]);

    [Fact]
    public void No_filter_keeps_everything_with_the_analysed_datasets_first()
    {
        var all = _search.Find(DatasetFilter.None);

        Assert.Equal(8, all.Count);
        Assert.All(all.Take(5), d => Assert.True(d.IsAnalysable));
        Assert.Equal(["NOAA GOES-16", "OpenStreetMap as Parquet", "SAEON river gauges"], all.Skip(5).Select(d => d.Name));
    }

    [Fact]
    public void Every_unfiltered_page_shares_one_list_and_one_count_by_region()
    {
        // Each explore page opens unfiltered: one list of the whole registry per circuit would stay in memory (issue 16).
        Assert.Same(_search.Find(DatasetFilter.None), _search.Find(new DatasetFilter { Text = "  " }));
        Assert.Same(_search.CountByRegion(DatasetFilter.None), _search.CountByRegion(new DatasetFilter { Region = CapeTown }));
        Assert.Equal(_search.Find(new DatasetFilter { Region = UsWest2 }).Count, _search.CountByRegion(DatasetFilter.None)[UsWest2]);
        Assert.Throws<NotSupportedException>(() => ((ICollection<Dataset>)_search.Find(DatasetFilter.None)).Clear());
    }

    [Fact]
    public void Filters_combine_theme_format_region_and_every_word_of_the_text()
    {
        Assert.Equal([Goes, Saeon], _search.Find(new DatasetFilter { Tag = "weather" }).Where(d => !d.IsAnalysable));
        Assert.Equal([Parquet], _search.Find(new DatasetFilter { Format = DataFormat.Parquet }));
        Assert.Equal([Saeon], _search.Find(new DatasetFilter { Region = CapeTown }));
        Assert.Equal([Saeon], _search.Find(new DatasetFilter { Tag = "weather", Region = CapeTown }));
        Assert.Equal([Goes], _search.Find(new DatasetFilter { Text = "GOES  satellite" }));
        Assert.Empty(_search.Find(new DatasetFilter { Text = "goes hydrology" }));
        Assert.Equal(5, _search.Find(new DatasetFilter { AnalysableOnly = true }).Count);
    }

    [Fact]
    public void Text_matches_the_bucket_the_publisher_and_the_slug()
    {
        Assert.Equal(DatasetCatalog.Era5, Assert.Single(_search.Find(new DatasetFilter { Text = "era5-pds" })).Id);
        Assert.Equal(DatasetCatalog.Cmip6, Assert.Single(_search.Find(new DatasetFilter { Text = "pangeo" })).Id);
        Assert.Equal(DatasetCatalog.Era5, Assert.Single(_search.Find(new DatasetFilter { Text = "ECMWF-ERA5" })).Id);
    }

    [Fact]
    public void Region_counts_ignore_the_region_filter_so_the_map_shows_every_region()
    {
        var counts = _search.CountByRegion(new DatasetFilter { Tag = "weather", Region = CapeTown });

        Assert.Equal(1, counts[CapeTown]);
        // GOES-16 and NCAR's ERA5 carry "weather" in us-west-2, era5-pds in us-east-1.
        Assert.Equal(2, counts[UsWest2]);
        Assert.Equal(1, counts[RegionCode.Parse("us-east-1")]);
        Assert.False(counts.ContainsKey(RegionCode.Parse("eu-west-2")));
    }

    [Fact]
    public void Offers_tags_by_use_and_the_formats_present()
    {
        Assert.Equal(new TagCount("climate", 5), _search.Tags[0]);
        Assert.Contains(new TagCount("weather", 4), _search.Tags);
        Assert.Equal([DataFormat.NetCdf, DataFormat.Zarr, DataFormat.Parquet, DataFormat.Csv], _search.Formats);
    }

    [Fact]
    public void An_empty_filter_says_so_and_without_region_drops_only_the_region()
    {
        Assert.True(DatasetFilter.None.IsEmpty);
        var filter = new DatasetFilter { Region = CapeTown, Text = "x" };
        Assert.False(filter.IsEmpty);
        Assert.Equal(new DatasetFilter { Text = "x" }, filter.WithoutRegion());
    }

    internal static Dataset Other(string id, string name, RegionCode region, DataFormat format, params string[] tags) => new(
        DatasetId.Parse(id), name, DatasetKind.Other, new DataLocation(region, $"s3://{id}"), format, null, "CC0", string.Empty)
    {
        Tags = tags,
    };
}
