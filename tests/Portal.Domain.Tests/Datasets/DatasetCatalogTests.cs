using Portal.Domain.Datasets;

namespace Portal.Domain.Tests.Datasets;

public sealed class DatasetCatalogTests
{
    [Fact]
    public void Era5_lives_in_era5_pds_in_us_east_1_as_netcdf_mounted_under_fsx()
    {
        var era5 = DatasetCatalog.Default.Get(DatasetCatalog.Era5);

        Assert.Equal("s3://era5-pds", era5.Location.S3Uri);
        Assert.Equal("us-east-1", era5.Location.Region.Value);
        Assert.Equal(DataFormat.NetCdf, era5.Format);
        Assert.Equal("/fsx/us-east-1/era5-pds", era5.Location.FsxPath);
        Assert.Equal("ERA5 reanalysis (us-east-1)", era5.DisplayName);
    }

    [Fact]
    public void Cmip6_lives_in_cmip6_pds_in_us_west_2_as_zarr()
    {
        var cmip6 = DatasetCatalog.Default.Get(DatasetCatalog.Cmip6);

        Assert.Equal("s3://cmip6-pds", cmip6.Location.S3Uri);
        Assert.Equal("/fsx/us-west-2/cmip6-pds", cmip6.Location.FsxPath);
        Assert.Equal(DataFormat.Zarr, cmip6.Format);
    }

    [Fact]
    public void Every_variable_category_offers_at_least_one_era5_variable()
    {
        foreach (var category in Enum.GetValues<VariableCategory>())
        {
            Assert.NotEmpty(Era5Variables.InCategory(category));
        }

        Assert.Equal(VariableCategory.Temperature, Era5Variables.Find("air_temperature_at_2_metres")!.Category);
        Assert.Equal("air pressure", Era5Variables.Label(VariableCategory.AirPressure));
    }

    [Fact]
    public void Rejects_a_location_that_is_not_an_s3_uri()
    {
        Assert.Throws<DomainException>(() => new DataLocation(Portal.Domain.Regions.RegionCode.Parse("us-east-1"), "https://example.com/data"));
    }

    [Fact]
    public void The_curated_catalogue_holds_era5_in_both_homes_and_three_projections_each_with_a_layout()
    {
        var catalog = DatasetCatalog.Default;

        Assert.Equal(["era5", "nsf-ncar-era5", "cmip6", "nex-gddp-cmip6", "ncar-cesm2-lens"], catalog.All.Select(d => d.Id.Value));
        Assert.All(catalog.All, d => Assert.True(d.IsAnalysable));
        var old = catalog.Get(DatasetCatalog.Era5);
        Assert.True(old.Deprecated);
        Assert.Equal("ecmwf-era5", old.Slug);
        Assert.Equal(DatasetCatalog.Era5Ncar, old.Successor);
        Assert.Equal("us-west-2", catalog.Get(DatasetCatalog.Era5Ncar).Location.Region.Value);
        Assert.Equal(DatasetKind.Reanalysis, catalog.Get(DatasetCatalog.Era5Ncar).Kind);
        Assert.Equal(3, catalog.All.Count(d => d.Kind == DatasetKind.Projection));
    }

    [Fact]
    public void A_dataset_is_a_bucket_and_a_prefix_mounted_at_that_prefix()
    {
        var nex = DatasetCatalog.Default.Get(DatasetCatalog.NexGddpCmip6);

        Assert.Equal("nex-gddp-cmip6", nex.Location.Bucket);
        Assert.Equal("NEX-GDDP-CMIP6", nex.Location.Prefix);
        Assert.Equal("/fsx/us-west-2/nex-gddp-cmip6/NEX-GDDP-CMIP6", nex.Location.FsxPath);
        Assert.Equal(string.Empty, DatasetCatalog.Default.Get(DatasetCatalog.Cmip6).Location.Prefix);
    }

    [Fact]
    public void Replacing_the_catalogue_swaps_every_dataset_at_once_and_counts_the_version()
    {
        var catalog = DatasetCatalog.Default;
        var before = catalog.All;
        var goes = before[0] with { Id = DatasetId.Parse("noaa-goes16"), Name = "GOES-16", Layout = DatasetLayout.None, Kind = DatasetKind.Other };

        catalog.Replace([before[2], goes]);

        Assert.Equal(1, catalog.Version);
        Assert.Equal(["cmip6", "noaa-goes16"], catalog.All.Select(d => d.Id.Value));
        Assert.False(catalog.TryGet(DatasetCatalog.Era5, out _));
        Assert.Equal(5, before.Count);
        Assert.Equal([goes], catalog.In(goes.Location.Region));
        Assert.Equal(1, catalog.CountsByRegion[goes.Location.Region]);
        Assert.Throws<DomainException>(() => catalog.Replace([goes, goes]));
        Assert.Equal(2, catalog.All.Count);
    }

    [Theory]
    [InlineData("1000-genomes", true)]
    [InlineData("aodn_animal_acoustic_tracking_delayed_qc", true)]
    [InlineData("cmip6-us-east-2", true)]
    [InlineData("-leading-dash", false)]
    [InlineData("Upper", false)]
    [InlineData("has space", false)]
    [InlineData("", false)]
    public void Dataset_ids_take_the_registrys_slugs(string value, bool valid)
    {
        Assert.Equal(valid, DatasetId.TryParse(value, out _));
        Assert.False(DatasetId.TryParse(new string('a', DatasetId.MaxLength + 1), out _));
    }
}
