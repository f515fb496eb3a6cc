using Portal.Domain.Datasets;
using Portal.Domain.Sessions;

namespace Portal.Domain.Tests.Sessions;

public sealed class SessionRequestValidatorTests
{
    private readonly SessionRequestValidator _validator = new(DatasetCatalog.Default);

    private IReadOnlyList<FieldError> Validate(SessionRequest request) => _validator.Validate(request);

    [Fact]
    public void Accepts_the_sample_first_run()
    {
        Assert.Empty(Validate(SampleRequests.FirstRun));
    }

    [Fact]
    public void Rejects_an_end_date_before_the_start_date()
    {
        var errors = Validate(SampleRequests.FirstRun with { StartDate = new(2022, 6, 1), EndDate = new(2022, 5, 31) });

        var error = Assert.Single(errors);
        Assert.Equal(SessionRequestField.EndDate, error.Field);
        Assert.Equal("End date must be on or after the start date.", error.Message);
    }

    [Fact]
    public void Rejects_dates_outside_a_selected_datasets_coverage()
    {
        var errors = Validate(SampleRequests.FirstRun with { StartDate = new(1950, 1, 1) });

        var error = Assert.Single(errors);
        Assert.Equal(SessionRequestField.StartDate, error.Field);
        Assert.Contains("ERA5 reanalysis coverage (1979-01-01 to 2023-12-31)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Asks_for_a_dataset_when_none_is_selected()
    {
        var errors = Validate(SampleRequests.FirstRun with { Datasets = [] });

        Assert.Contains(errors, e => e.Field == SessionRequestField.Datasets && e.Message == "Select at least one dataset in the list (the map's regions filter it).");
    }

    [Fact]
    public void Predictive_needs_cmip6_selected()
    {
        var errors = Validate(SampleRequests.FirstRun with { DataType = DataType.Predictive, Datasets = [DatasetCatalog.Era5] });

        Assert.Contains(errors, e => e.Field == SessionRequestField.DataType && e.Message.Contains("select CMIP6", StringComparison.Ordinal));
        Assert.All(errors, e => Assert.Equal(SessionRequestField.DataType, e.Field));
    }

    [Fact]
    public void Historical_needs_era5_selected()
    {
        var errors = Validate(SampleRequests.FirstRun with { DataType = DataType.Historical, Datasets = [DatasetCatalog.Cmip6] });

        Assert.Contains(errors, e => e.Field == SessionRequestField.DataType && e.Message.Contains("select ERA5", StringComparison.Ordinal));
        Assert.All(errors, e => Assert.Equal(SessionRequestField.DataType, e.Field));
    }

    [Theory]
    [InlineData(DataType.Historical, "Historical analysis does not read CMIP6 projections: deselect it, or choose Both.")]
    [InlineData(DataType.Predictive, "Predictive analysis does not read ERA5 reanalysis: deselect it, or choose Both.")]
    public void A_selected_dataset_the_analysis_does_not_read_is_refused(DataType dataType, string message)
    {
        var error = Assert.Single(Validate(SampleRequests.FirstRun with { DataType = dataType }));

        Assert.Equal(SessionRequestField.DataType, error.Field);
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Predictive_dates_are_checked_against_cmip6_only()
    {
        var request = SampleRequests.FirstRun with
        {
            DataType = DataType.Predictive,
            Datasets = [DatasetCatalog.Cmip6],
            StartDate = new DateOnly(2050, 1, 1),
            EndDate = new DateOnly(2050, 12, 31),
        };

        Assert.Empty(Validate(request));
    }

    [Fact]
    public void Both_needs_both_datasets()
    {
        Assert.Single(Validate(SampleRequests.FirstRun with { Datasets = [DatasetCatalog.Era5] }));
        Assert.Single(Validate(SampleRequests.FirstRun with { Datasets = [DatasetCatalog.Cmip6] }));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    [InlineData(51)]
    [InlineData(10_000)]
    public void Rejects_zero_negative_or_absurd_worker_counts(int workers)
    {
        var error = Assert.Single(Validate(SampleRequests.FirstRun with { WorkersPerRegion = workers }));

        Assert.Equal(SessionRequestField.WorkersPerRegion, error.Field);
        Assert.Equal("Workers per region must be between 1 and 50.", error.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(73)]
    public void Rejects_lifetimes_outside_one_to_72_hours(int hours)
    {
        var error = Assert.Single(Validate(SampleRequests.FirstRun with { MaximumHours = hours }));

        Assert.Equal(SessionRequestField.MaximumHours, error.Field);
    }

    [Fact]
    public void Rejects_a_variable_from_another_category()
    {
        var error = Assert.Single(Validate(SampleRequests.FirstRun with { VariableCategory = VariableCategory.Wind, VariableIds = ["sfcWind"] }));

        Assert.Equal(SessionRequestField.Variable, error.Field);
        Assert.Equal("air_temperature_at_2_metres is not a wind variable.", error.Message);
    }

    [Fact]
    public void Predictive_analyses_need_activity_and_variable_ids()
    {
        var errors = Validate(SampleRequests.FirstRun with { ActivityIds = [], VariableIds = [] });

        Assert.Contains(errors, e => e.Field == SessionRequestField.ActivityIds);
        Assert.Contains(errors, e => e.Field == SessionRequestField.VariableIds);
    }

    [Fact]
    public void Historical_analyses_do_not_need_cmip6_facets()
    {
        var request = SampleRequests.FirstRun with { DataType = DataType.Historical, Datasets = [DatasetCatalog.Era5], ActivityIds = [], VariableIds = [], TableId = "", Experiment = "" };

        Assert.Empty(Validate(request));
    }

    [Fact]
    public void Historical_analyses_check_every_cmip6_facet_they_carry()
    {
        var request = SampleRequests.FirstRun with
        {
            DataType = DataType.Historical,
            Datasets = [DatasetCatalog.Era5],
            ActivityIds = ["ScenarioMIP", "<script>alert(1)</script>"],
            TableId = "Oday",
            VariableIds = ["tas", "not-a-variable"],
            Experiment = "ssp999",
        };

        var errors = Validate(request);

        Assert.Equal(
            [
                new(SessionRequestField.ActivityIds, "'<script>alert(1)</script>' is not a CMIP6 activity ID the portal offers."),
                new(SessionRequestField.TableId, "'Oday' is not a CMIP6 table ID the portal offers."),
                new(SessionRequestField.VariableIds, "'not-a-variable' is not a CMIP6 variable ID the portal offers."),
                new(SessionRequestField.Experiment, "'ssp999' is not a CMIP6 experiment the portal offers."),
            ],
            errors);
    }

    [Fact]
    public void A_facet_message_names_every_unknown_term_and_clips_long_ones()
    {
        var huge = new string('x', 1_000_000);

        var errors = Validate(SampleRequests.FirstRun with { DataType = DataType.Historical, Datasets = [DatasetCatalog.Era5], VariableIds = ["zz", huge, "tas"] });

        var error = Assert.Single(errors);
        Assert.Equal(SessionRequestField.VariableIds, error.Field);
        Assert.StartsWith("'zz', 'xxxx", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("…' are not CMIP6 variable IDs the portal offers.", error.Message, StringComparison.Ordinal);
        Assert.True(error.Message.Length < 200, $"The message is {error.Message.Length} characters long.");
    }

    [Theory]
    [InlineData(DataType.Historical)]
    [InlineData(DataType.Predictive)]
    public void Rejects_a_facet_chosen_twice(DataType dataType)
    {
        var dataset = dataType == DataType.Historical ? DatasetCatalog.Era5 : DatasetCatalog.Cmip6;

        var errors = Validate(SampleRequests.FirstRun with { DataType = dataType, Datasets = [dataset], ActivityIds = ["CMIP", "CMIP"], VariableIds = ["tas", "tas", "tas"] });

        Assert.Equal(
            [
                new(SessionRequestField.ActivityIds, "'CMIP' is chosen more than once."),
                new(SessionRequestField.VariableIds, "'tas' is chosen more than once."),
            ],
            errors);
    }

    [Fact]
    public void Rejects_a_missing_facet_list_or_term()
    {
        var errors = Validate(SampleRequests.FirstRun with { ActivityIds = null!, TableId = null!, VariableIds = [null!], Experiment = null! });

        Assert.Equal(
            [SessionRequestField.ActivityIds, SessionRequestField.TableId, SessionRequestField.VariableIds, SessionRequestField.Experiment],
            errors.Select(e => e.Field));
    }

    [Fact]
    public void Rejects_a_data_type_that_does_not_exist()
    {
        var errors = Validate(SampleRequests.FirstRun with { DataType = (DataType)42 });

        var error = Assert.Single(errors);
        Assert.Equal(new FieldError(SessionRequestField.DataType, "Choose a data type: Historical, Predictive or Both."), error);
    }

    [Theory]
    [InlineData("m5d.4xlarge")]
    [InlineData("m7i-flex.large")]
    [InlineData("m7i.metal-48xl")]
    [InlineData("u-24tb1.112xlarge")]
    public void Accepts_ec2_instance_types_as_worker_sizes(string size)
    {
        Assert.Empty(Validate(SampleRequests.FirstRun with { WorkerSize = size }));
    }

    [Theory]
    [InlineData("large")]
    [InlineData("M5D.4XLARGE")]
    [InlineData("m5d.4xlarge; rm -rf /")]
    [InlineData("m5d.")]
    [InlineData(".4xlarge")]
    public void Rejects_worker_sizes_that_are_not_ec2_instance_types(string size)
    {
        var error = Assert.Single(Validate(SampleRequests.FirstRun with { WorkerSize = size }));

        Assert.Equal(SessionRequestField.WorkerSize, error.Field);
        Assert.EndsWith("is not an EC2 instance type (for example m5d.4xlarge).", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_a_worker_size_longer_than_any_instance_type_without_echoing_it()
    {
        var error = Assert.Single(Validate(SampleRequests.FirstRun with { WorkerSize = "m5d." + new string('x', 100_000) }));

        Assert.Equal(SessionRequestField.WorkerSize, error.Field);
        Assert.True(error.Message.Length < 120, $"The message is {error.Message.Length} characters long.");
    }

    [Fact]
    public void Rejects_facets_outside_the_vocabulary()
    {
        var errors = Validate(SampleRequests.FirstRun with { ActivityIds = ["CMIP", "NotAMip"], TableId = "Oday", Experiment = "ssp999" });

        Assert.Contains(errors, e => e.Field == SessionRequestField.ActivityIds && e.Message.Contains("NotAMip", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Field == SessionRequestField.TableId);
        Assert.Contains(errors, e => e.Field == SessionRequestField.Experiment);
    }

    [Fact]
    public void Refuses_data_where_no_worker_region_runs_and_opens_other_registry_data_by_path()
    {
        var cape = new Dataset(DatasetId.Parse("saeon-rivers"), "SAEON river gauges", DatasetKind.Other,
            new DataLocation(Portal.Domain.Regions.RegionCode.Parse("af-south-1"), "s3://saeon-rivers"), DataFormat.Csv, null, "CC0", string.Empty);
        var goes = cape with { Id = DatasetId.Parse("noaa-goes16"), Name = "GOES-16", Location = new DataLocation(Portal.Domain.Regions.RegionCode.Parse("us-east-1"), "s3://noaa-goes16") };
        var validator = new SessionRequestValidator(new DatasetCatalog([.. DatasetCatalog.Curated, cape, goes]), Portal.Domain.Regions.RegionCatalog.Default);

        var refused = validator.Validate(SampleRequests.FirstRun with { Datasets = [DatasetCatalog.Era5, DatasetCatalog.Cmip6, cape.Id] });
        var opened = validator.Validate(SampleRequests.FirstRun with { Datasets = [DatasetCatalog.Era5, DatasetCatalog.Cmip6, goes.Id] });

        var error = Assert.Single(refused, e => e.Field == SessionRequestField.Datasets);
        Assert.Equal([], refused.Where(e => e.Field != SessionRequestField.Datasets).Select(e => e.Message));
        Assert.Equal(SessionRequestField.Datasets, error.Field);
        Assert.Equal("SAEON river gauges lives in af-south-1, where the portal has no worker region: deselect it, or ask an admin to enable af-south-1.", error.Message);
        // No coverage is known for registry data and the built-in analysis does not read it: no date or data type errors.
        Assert.Empty(opened);
    }

    [Fact]
    public void Both_compares_like_with_like_the_cmip6_variable_must_fit_the_era5_category()
    {
        var precipitation = SampleRequests.FirstRun with
        {
            VariableCategory = VariableCategory.Precipitation,
            Variable = "precipitation_amount_1hour_Accumulation",
        };

        var mismatch = Validate(precipitation with { VariableIds = ["tas"] });
        var match = Validate(precipitation with { VariableIds = ["pr"] });
        var waves = Validate(SampleRequests.FirstRun with { VariableCategory = VariableCategory.Wave, Variable = "sea_surface_wave_mean_period" });
        var historicalWaves = Validate(SampleRequests.FirstRun with
        {
            DataType = DataType.Historical,
            Datasets = [DatasetCatalog.Era5],
            VariableCategory = VariableCategory.Wave,
            Variable = "sea_surface_wave_mean_period",
        });

        Assert.Equal("Both compares ERA5 precipitation with CMIP6, and 'tas' is not a precipitation variable: choose pr, prc, prsn.",
            Assert.Single(mismatch).Message);
        Assert.Empty(match);
        Assert.Contains(waves, e => e.Field == SessionRequestField.VariableCategory
                                    && e.Message == "CMIP6 has no wave variables to compare with ERA5: choose Historical for wave, or another variable category.");
        Assert.Empty(historicalWaves);
    }

    [Fact]
    public void One_reanalysis_at_a_time_two_copies_of_era5_would_both_get_workers()
    {
        var error = Assert.Single(Validate(SampleRequests.FirstRun with { Datasets = [DatasetCatalog.Era5, DatasetCatalog.Era5Ncar, DatasetCatalog.Cmip6] }));

        Assert.Equal(SessionRequestField.Datasets, error.Field);
        Assert.StartsWith("Select one ERA5: the analysis reads a single reanalysis, and ERA5 reanalysis (us-east-1) and ERA5 reanalysis (NSF NCAR) (us-west-2)", error.Message, StringComparison.Ordinal);
        Assert.Empty(Validate(SampleRequests.FirstRun with { Datasets = [DatasetCatalog.Era5Ncar, DatasetCatalog.Cmip6, DatasetCatalog.NexGddpCmip6] }));
    }

    [Fact]
    public void A_cmip6_choice_that_no_store_of_the_catalogue_matches_is_said_before_launch()
    {
        var store = new Portal.Domain.Datasets.Stores.StoreRecord("CMIP", "NOAA-GFDL", "GFDL-ESM4", "historical", "r1i1p1f1", "Amon", "tas", "gr1",
            "s3://cmip6-pds/CMIP6/CMIP/NOAA-GFDL/GFDL-ESM4/historical/r1i1p1f1/Amon/tas/gr1/v20190726/", null, "20190726");
        var validator = new SessionRequestValidator(DatasetCatalog.Default, stores: new Portal.Domain.Datasets.Stores.Cmip6StoreCatalogue(new([store])));

        // CMIP is asked for, so historical is searched as well: the GFDL store matches.
        Assert.Empty(validator.Validate(SampleRequests.FirstRun));
        var errors = validator.Validate(SampleRequests.FirstRun with { ActivityIds = ["ScenarioMIP"] });
        // NEX-GDDP-CMIP6 does not read the store catalogue: no such message when it is the projection chosen.
        var nex = validator.Validate(SampleRequests.FirstRun with { ActivityIds = ["ScenarioMIP"], Datasets = [DatasetCatalog.Era5, DatasetCatalog.NexGddpCmip6] });

        var error = Assert.Single(errors);
        Assert.Equal(SessionRequestField.Experiment, error.Field);
        Assert.Equal("No store of the CMIP6 catalogue holds tas in Amon for ssp245 (ScenarioMIP): the notebook would find no data. "
                     + "The counts beside each CMIP6 choice show what the catalogue holds.", error.Message);
        Assert.Empty(nex);
    }

    [Fact]
    public void Institutions_and_models_are_optional_and_must_be_the_catalogues()
    {
        var store = new Portal.Domain.Datasets.Stores.StoreRecord("CMIP", "NOAA-GFDL", "GFDL-ESM4", "historical", "r1i1p1f1", "Amon", "tas", "gr1",
            "s3://cmip6-pds/CMIP6/CMIP/NOAA-GFDL/GFDL-ESM4/historical/r1i1p1f1/Amon/tas/gr1/v20190726/", null, "20190726");
        var validator = new SessionRequestValidator(DatasetCatalog.Default, stores: new Portal.Domain.Datasets.Stores.Cmip6StoreCatalogue(new([store])));

        Assert.Empty(validator.Validate(SampleRequests.FirstRun with { InstitutionIds = ["NOAA-GFDL"], SourceIds = ["GFDL-ESM4"] }));
        var unknown = validator.Validate(SampleRequests.FirstRun with { InstitutionIds = ["NOAA-GFDL", "Nowhere"], SourceIds = ["GFDL-ESM4", "GFDL-ESM4"] });
        // A model the catalogue holds, but not for these choices: no store matches.
        var none = validator.Validate(SampleRequests.FirstRun with { InstitutionIds = ["NOAA-GFDL"], ActivityIds = ["ScenarioMIP"] });

        Assert.Equal(
            [new FieldError(SessionRequestField.InstitutionIds, "'Nowhere' is not an institution of the CMIP6 catalogue."), new FieldError(SessionRequestField.SourceIds, "Choose each model once.")],
            unknown);
        Assert.Equal(SessionRequestField.Experiment, Assert.Single(none).Field);
    }

    [Fact]
    public void A_term_the_store_catalogue_holds_is_accepted_though_the_vocabulary_lacks_it()
    {
        var store = new Portal.Domain.Datasets.Stores.StoreRecord("CMIP", "NOAA-GFDL", "GFDL-ESM4", "historical", "r2i1p1f1", "Omon", "tos", "gr",
            "s3://cmip6-pds/CMIP6/CMIP/NOAA-GFDL/GFDL-ESM4/historical/r2i1p1f1/Omon/tos/gr/v20180701/", null, "20180701");
        var request = SampleRequests.FirstRun with { DataType = DataType.Predictive, Datasets = [DatasetCatalog.Cmip6], ActivityIds = ["CMIP"], TableId = "Omon", VariableIds = ["tos"], Experiment = "historical" };

        Assert.Empty(new SessionRequestValidator(DatasetCatalog.Default, stores: new Portal.Domain.Datasets.Stores.Cmip6StoreCatalogue(new([store]))).Validate(request));
        Assert.Contains(new SessionRequestValidator(DatasetCatalog.Default).Validate(request), e => e.Field == SessionRequestField.TableId);
    }
}
