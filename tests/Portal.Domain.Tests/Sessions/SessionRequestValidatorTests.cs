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

        Assert.Contains(errors, e => e.Field == SessionRequestField.Datasets && e.Message == "Select at least one dataset on the map.");
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
    [InlineData(DataType.Historical, "Historical analysis does not read CMIP6 projections: deselect it on the map, or choose Both.")]
    [InlineData(DataType.Predictive, "Predictive analysis does not read ERA5 reanalysis: deselect it on the map, or choose Both.")]
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
        var error = Assert.Single(Validate(SampleRequests.FirstRun with { VariableCategory = VariableCategory.Wind }));

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
    public void Historical_analyses_ignore_cmip6_facets()
    {
        var request = SampleRequests.FirstRun with { DataType = DataType.Historical, Datasets = [DatasetCatalog.Era5], ActivityIds = [], VariableIds = [] };

        Assert.Empty(Validate(request));
    }

    [Fact]
    public void Rejects_facets_outside_the_vocabulary()
    {
        var errors = Validate(SampleRequests.FirstRun with { ActivityIds = ["CMIP", "NotAMip"], TableId = "Oday", Experiment = "ssp999" });

        Assert.Contains(errors, e => e.Field == SessionRequestField.ActivityIds && e.Message.Contains("NotAMip", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Field == SessionRequestField.TableId);
        Assert.Contains(errors, e => e.Field == SessionRequestField.Experiment);
    }
}
