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
}
