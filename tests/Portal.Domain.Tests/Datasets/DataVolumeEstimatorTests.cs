using Portal.Domain.Costs;
using Portal.Domain.Datasets;
using Portal.Domain.Datasets.Stores;
using Portal.Domain.Sessions;

namespace Portal.Domain.Tests.Datasets;

public sealed class DataVolumeEstimatorTests
{
    private static readonly SessionRequest Request = new()
    {
        DataType = DataType.Both,
        VariableCategory = VariableCategory.Temperature,
        Variable = "air_temperature_at_2_metres",
        StartDate = new DateOnly(2022, 1, 15),
        EndDate = new DateOnly(2022, 2, 3),
        ActivityIds = ["ScenarioMIP"],
        TableId = "Amon",
        VariableIds = ["tas"],
        Experiment = "ssp585",
        Datasets = [DatasetCatalog.Era5, DatasetCatalog.Cmip6, DatasetCatalog.NexGddpCmip6],
        WorkersPerRegion = 2,
        MaximumHours = 4,
    };

    private static readonly Cmip6StoreCatalogue Stores = new(new StoreIndex(
    [
        Store("ScenarioMIP", "ssp585", "Amon", "tas", "r1i1p1f1"),
        Store("ScenarioMIP", "ssp585", "Amon", "tas", "r2i1p1f1"),
        Store("ScenarioMIP", "ssp585", "day", "tas", "r1i1p1f1"),
        Store("CMIP", "historical", "Amon", "tas", "r1i1p1f1"),
    ]));

    private readonly DataVolumeEstimator _estimator = new(DatasetCatalog.Default, Stores);

    [Fact]
    public void Era5_is_computed_from_its_grid_for_every_month_the_dates_touch()
    {
        var era5 = _estimator.For(Request).Parts.Single(p => p.Dataset.StartsWith("ERA5", StringComparison.Ordinal));

        // January and February 2022: (31 + 28) days × 24 hourly fields × 1440 × 721 points × 4 bytes.
        Assert.Equal(59L * 24 * 1440 * 721 * 4, era5.Bytes);
        Assert.Equal(VolumeBasis.Computed, era5.Basis);
        Assert.Contains("2 month(s)", era5.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Ocean_waves_are_on_the_coarser_grid()
    {
        var waves = _estimator.For(Request with { VariableCategory = VariableCategory.Wave, Variable = "sea_surface_wave_mean_period" })
            .Parts.Single(p => p.Dataset.StartsWith("ERA5", StringComparison.Ordinal));

        Assert.Equal(59L * 24 * 720 * 361 * 4, waves.Bytes);
    }

    [Fact]
    public void Cmip6_counts_the_stores_the_query_matches_at_their_frequency()
    {
        var cmip6 = _estimator.For(Request).Parts.Single(p => p.Dataset.StartsWith("CMIP6 ", StringComparison.Ordinal));

        // Two monthly ssp585 stores (2015-2100: 86 years), each 360 × 180 values of 4 bytes a month.
        const long Field = 360L * 180 * 4;
        Assert.Equal(2 * Field * 12 * 86, cmip6.Bytes);
        Assert.Contains("2 matching store(s)", cmip6.Explanation, StringComparison.Ordinal);

        // The daily table: one store, 365 fields a year.
        var daily = _estimator.For(Request with { TableId = "day" }).Parts.Single(p => p.Dataset.StartsWith("CMIP6 ", StringComparison.Ordinal));
        Assert.Equal(Field * 365 * 86, daily.Bytes);
    }

    [Fact]
    public void A_dataset_of_unknown_size_is_an_assumption_that_says_so()
    {
        var data = _estimator.For(Request);
        var nex = data.Parts.Single(p => p.Dataset.StartsWith("NEX", StringComparison.Ordinal));

        Assert.Equal(DataVolumeEstimator.AssumedBytes, nex.Bytes);
        Assert.Equal(VolumeBasis.Assumed, nex.Basis);
        Assert.Contains("assumed", nex.Explanation, StringComparison.Ordinal);
        Assert.True(data.HasAssumptions);
    }

    [Fact]
    public void Data_the_analysis_does_not_read_adds_nothing()
    {
        var historical = _estimator.For(Request with { DataType = DataType.Historical });

        Assert.Equal("ERA5", Assert.Single(historical.Parts).Dataset[..4]);
    }

    private static StoreRecord Store(string activity, string experiment, string table, string variable, string member) =>
        new(activity, "NOAA-GFDL", "GFDL-ESM4", experiment, member, table, variable, "gr1",
            $"s3://cmip6-pds/CMIP6/{activity}/NOAA-GFDL/GFDL-ESM4/{experiment}/{member}/{table}/{variable}/gr1/v20190726/", null, "20190726");
}
