using Bunit;
using Portal.Domain.Datasets;
using Portal.Domain.Sessions;
using Portal.Web.Components.Sessions;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Components.Sessions;

public sealed class SessionFormTests : PortalTestContext
{
    private readonly SessionRequestValidator _validator = new(DatasetCatalog.Default);
    private readonly SessionFormModel _model = new();

    private IRenderedComponent<SessionForm> RenderForm()
    {
        IRenderedComponent<SessionForm>? cut = null;
        cut = Render<SessionForm>(p => p
            .Add(x => x.Model, _model)
            .Add(x => x.Errors, _model.Validate(_validator))
            .Add(x => x.OnChanged, () => cut!.Render(q => q.Add(x => x.Errors, _model.Validate(_validator)))));
        return cut;
    }

    [Fact]
    public void Every_question_of_the_sample_notebook_has_a_labelled_control()
    {
        var cut = RenderForm();

        string[] labels = ["Data type", "Variable category", "Variable", "Start date", "End date", "Activity IDs", "Table ID", "Variable IDs", "Experiment", "Workers per region", "Maximum hours"];
        foreach (var label in labels)
        {
            var element = cut.FindAll("label").Single(l => l.TextContent.Trim() == label);
            var target = element.GetAttribute("for");
            Assert.False(string.IsNullOrEmpty(target), $"label {label} has no for attribute");
            Assert.NotNull(cut.Find($"#{target}"));
        }
    }

    [Fact]
    public void An_end_date_before_the_start_shows_a_message_at_the_end_date()
    {
        var cut = RenderForm();

        cut.Find("#f-end").Change("2021-12-31");

        var message = cut.Find("[data-testid=error-EndDate]");
        Assert.Equal("End date must be on or after the start date.", message.TextContent.Trim());
        Assert.Equal("true", cut.Find("#f-end").GetAttribute("aria-invalid"));
        Assert.Contains(FieldMessage.IdFor(SessionRequestField.EndDate), cut.Find("#f-end").GetAttribute("aria-describedby"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_date_outside_era5_coverage_is_named_with_the_coverage()
    {
        _model.Datasets.Add(DatasetCatalog.Era5);
        var cut = RenderForm();

        cut.Find("#f-start").Change("1960-01-01");

        Assert.Contains("outside ERA5 reanalysis coverage (1979-01-01 to 2023-12-31)", cut.Find("[data-testid=error-StartDate]").TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("500")]
    public void Zero_or_absurd_worker_counts_show_a_message(string workers)
    {
        var cut = RenderForm();

        cut.Find("#f-workers").Input(workers);

        Assert.Equal("Workers per region must be between 1 and 50.", cut.Find("[data-testid=error-WorkersPerRegion]").TextContent.Trim());
    }

    [Fact]
    public void An_emptied_number_asks_for_a_value()
    {
        var cut = RenderForm();

        cut.Find("#f-hours").Input(string.Empty);

        Assert.Equal("Enter the maximum number of hours.", cut.Find("[data-testid=error-MaximumHours]").TextContent.Trim());
    }

    [Fact]
    public void Predictive_without_cmip6_says_to_select_it()
    {
        _model.Datasets.Add(DatasetCatalog.Era5);
        var cut = RenderForm();

        cut.Find("#f-data-type").Change(nameof(DataType.Predictive));

        Assert.Contains("select CMIP6 projections on the map", cut.Find("[data-testid=error-DataType]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Changing_the_category_offers_only_its_variables_and_picks_the_first()
    {
        var cut = RenderForm();

        cut.Find("#f-category").Change(nameof(VariableCategory.Wind));

        var options = cut.FindAll("#f-variable option").Select(o => o.GetAttribute("value")).ToList();
        Assert.Equal(Era5Variables.InCategory(VariableCategory.Wind).Select(v => v.Name), options);
        Assert.Equal("eastward_wind_at_10_metres", _model.Variable);
        Assert.Empty(cut.FindAll("[data-testid=error-Variable]"));
    }

    [Fact]
    public void Cmip6_facets_are_disabled_for_historical_and_enabled_for_both()
    {
        var cut = RenderForm();
        Assert.True(cut.Find("#f-activity").Closest("fieldset")!.HasAttribute("disabled"));

        cut.Find("#f-data-type").Change(nameof(DataType.Both));

        Assert.False(cut.Find("#f-activity").Closest("fieldset")!.HasAttribute("disabled"));
    }

    [Fact]
    public void Several_activity_ids_can_be_chosen()
    {
        var cut = RenderForm();
        cut.Find("#f-data-type").Change(nameof(DataType.Both));

        cut.Find("#f-activity").Change(new[] { "ScenarioMIP", "CMIP" });

        Assert.Equal(["ScenarioMIP", "CMIP"], _model.ActivityIds);
    }
}
