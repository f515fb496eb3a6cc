using Bunit;
using MudBlazor;
using Portal.Domain.Datasets;
using Portal.Domain.Sessions;
using Portal.Web.Components.Sessions;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Components.Sessions;

public sealed class SessionFormTests : PortalTestContext
{
    private readonly SessionRequestValidator _validator = new(DatasetCatalog.Default);
    private readonly SessionFormModel _model = new();
    private readonly IRenderedComponent<MudPopoverProvider> _popovers;

    public SessionFormTests()
    {
        _popovers = this.RenderPopovers();
    }

    private IRenderedComponent<SessionForm> RenderForm(bool disabled = false)
    {
        IRenderedComponent<SessionForm>? cut = null;
        cut = Render<SessionForm>(p => p
            .Add(x => x.Model, _model)
            .Add(x => x.Errors, _model.Validate(_validator))
            .Add(x => x.Disabled, disabled)
            .Add(x => x.OnChanged, () => cut!.Render(q => q.Add(x => x.Errors, _model.Validate(_validator)))));
        return cut;
    }

    private void Choose(IRenderedComponent<SessionForm> cut, string inputId, string value)
    {
        cut.OpenSelect(inputId);
        MudControls.ClickOption(_popovers, value);
    }

    [Fact]
    public void Every_question_of_the_sample_notebook_has_a_labelled_control()
    {
        var cut = RenderForm();
        Choose(cut, "f-data-type", "Both");

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
    public void The_form_has_no_hand_written_controls()
    {
        var cut = RenderForm();

        Assert.Empty(cut.FindAll("select"));
        Assert.Empty(cut.FindAll("input[type=date], input[type=number]"));
        Assert.DoesNotContain("Ctrl", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Dates_are_shown_and_typed_as_iso_dates()
    {
        var cut = RenderForm();

        Assert.Equal("2022-01-01", cut.Find("#f-start").GetAttribute("value"));
        Assert.Equal("yyyy-mm-dd", cut.Find("#f-start").GetAttribute("placeholder"));

        cut.Find("#f-start").Change("2021-03-04");

        // The picker applies typed text asynchronously (seen to lag under load in CI): wait for it, within bunit's timeout.
        cut.WaitForAssertion(() => Assert.Equal(new DateOnly(2021, 3, 4), _model.StartDate));
        Assert.Equal("2021-03-04", cut.Find("#f-start").GetAttribute("value"));
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
        Assert.Equal(FieldMessage.IdFor(SessionRequestField.EndDate), message.Id);
    }

    [Fact]
    public void A_date_outside_era5_coverage_is_named_with_the_coverage()
    {
        _model.Datasets.Add(DatasetCatalog.Era5);
        var cut = RenderForm();

        cut.Find("#f-start").Change("1960-01-01");

        Assert.Contains("outside ERA5 reanalysis coverage (1979-01-01 to 2023-12-31)", cut.Find("[data-testid=error-StartDate]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void An_emptied_date_asks_for_a_date()
    {
        var cut = RenderForm();

        cut.Find("#f-start").Change(string.Empty);

        Assert.Null(_model.StartDate);
        Assert.Equal("Enter a start date.", cut.Find("[data-testid=error-StartDate]").TextContent.Trim());
    }

    [Theory]
    [InlineData("0")]
    [InlineData("500")]
    public void Zero_or_absurd_worker_counts_show_a_message(string workers)
    {
        var cut = RenderForm();

        cut.Find("#f-workers").Input(workers);

        Assert.Equal("Workers per region must be between 1 and 50.", cut.Find("[data-testid=error-WorkersPerRegion]").TextContent.Trim());
        Assert.Equal("true", cut.Find("#f-workers").GetAttribute("aria-invalid"));
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

        Choose(cut, "f-data-type", "Predictive");

        Assert.Equal(DataType.Predictive, _model.DataType);
        Assert.Contains("select CMIP6 projections, NEX-GDDP-CMIP6 or the CESM2 Large Ensemble", cut.Find("[data-testid=error-DataType]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Changing_the_category_offers_only_its_variables_and_picks_the_first()
    {
        var cut = RenderForm();

        Choose(cut, "f-category", "wind");
        cut.OpenSelect("f-variable");

        _popovers.WaitForAssertion(() => Assert.Equal(
            Era5Variables.InCategory(VariableCategory.Wind).Select(v => v.Name),
            MudControls.Options(_popovers).Select(MudControls.OptionValue)));
        Assert.Equal("eastward_wind_at_10_metres", _model.Variable);
        Assert.Empty(cut.FindAll("[data-testid=error-Variable]"));
    }

    [Fact]
    public void A_closed_select_holds_only_its_chosen_item_and_an_open_one_all_of_them()
    {
        var cut = RenderForm();
        var variables = Era5Variables.InCategory(_model.VariableCategory).Select(v => v.Name).ToList();
        string[] VariableItems() => [.. cut.FindComponents<MudSelectItem<string>>().Select(i => i.Instance.Value!).Where(variables.Contains)];

        // Each item is a component kept in every circuit's memory (issue 16): closed, the field needs only the chosen one.
        Assert.Equal([_model.Variable!], VariableItems());

        cut.OpenSelect("f-variable");

        _popovers.WaitForAssertion(() => Assert.Equal(variables, MudControls.Options(_popovers).Select(MudControls.OptionValue)));
        Assert.Equal(variables.Count, VariableItems().Distinct().Count());
        MudControls.ClickOption(_popovers, variables[^1]);

        cut.WaitForAssertion(() => Assert.Equal([variables[^1]], VariableItems()));
        Assert.Equal(variables[^1], _model.Variable);
    }

    [Fact]
    public void Cmip6_facets_are_left_out_for_historical_with_a_note_and_shown_for_both()
    {
        var cut = RenderForm();
        Assert.Empty(cut.FindAll("#f-activity"));
        Assert.Contains("Predictive or Both", cut.Find("[data-testid=cmip6-facets-hidden]").TextContent, StringComparison.Ordinal);

        Choose(cut, "f-data-type", "Both");

        Assert.False(cut.Find("#f-activity").HasAttribute("disabled"));
        Assert.Empty(cut.FindAll("[data-testid=cmip6-facets-hidden]"));
    }

    [Fact]
    public void Several_activity_ids_are_chosen_from_one_list_and_shown_as_chips()
    {
        _model.DataType = DataType.Both;
        var cut = RenderForm();

        cut.OpenSelect("f-activity");
        MudControls.ClickOption(_popovers, "CMIP");

        Assert.Equal(["ScenarioMIP", "CMIP"], _model.ActivityIds);
        cut.WaitForAssertion(() => Assert.Equal(["ScenarioMIP", "CMIP"], cut.FindAll("[data-testid=activity-chips] .mud-chip").Select(c => c.TextContent.Trim())));
    }

    [Fact]
    public void Closing_a_chip_removes_its_value()
    {
        _model.DataType = DataType.Both;
        _model.VariableIds = ["tas", "zg"];
        var cut = RenderForm();

        cut.FindAll("[data-testid=variable-id-chips] .mud-chip").Single(c => c.TextContent.Trim() == "zg").QuerySelector(".mud-chip-close-button")!.Click();

        Assert.Equal(["tas"], _model.VariableIds);
    }

    [Fact]
    public void Removing_the_last_variable_id_asks_for_one()
    {
        _model.DataType = DataType.Both;
        var cut = RenderForm();

        cut.Find("[data-testid=variable-id-chips] .mud-chip-close-button").Click();

        Assert.Empty(_model.VariableIds);
        Assert.Equal("Choose at least one variable ID.", cut.Find("[data-testid=error-VariableIds]").TextContent.Trim());
    }

    [Fact]
    public void A_disabled_form_disables_every_control()
    {
        _model.DataType = DataType.Both;
        var cut = RenderForm(disabled: true);

        foreach (var id in new[] { "f-data-type", "f-category", "f-variable", "f-start", "f-end", "f-workers", "f-hours", "f-activity", "f-table" })
        {
            Assert.True(cut.Find($"#{id}").HasAttribute("disabled"), $"#{id} is enabled");
        }
    }

    [Fact]
    public void The_cmip6_variable_follows_the_variable_category()
    {
        _model.DataType = DataType.Both;
        var cut = RenderForm();

        Choose(cut, "f-category", "precipitation");

        Assert.Equal(["pr"], _model.VariableIds);
        Assert.Equal("precipitation_amount_1hour_Accumulation", _model.Variable);
        cut.WaitForAssertion(() => Assert.Equal(["pr"], cut.FindAll("[data-testid=variable-id-chips] .mud-chip").Select(c => c.TextContent.Trim())));

        Choose(cut, "f-category", "wind");

        Assert.Equal(["sfcWind"], _model.VariableIds);
    }

    [Fact]
    public void Each_cmip6_choice_shows_how_many_stores_of_the_catalogue_match_as_the_user_chooses()
    {
        _model.DataType = DataType.Both;
        var stores = new Portal.Domain.Datasets.Stores.Cmip6StoreCatalogue(Portal.Infra.Catalogue.ShippedStoreCatalogue.LoadIndex());
        var cut = Render<SessionForm>(p => p
            .Add(x => x.Model, _model)
            .Add(x => x.Errors, [])
            .Add(x => x.Stores, stores));

        // The shipped catalogue (Pangeo's subset) holds ScenarioMIP in ssp585 only, and CMIP in historical.
        var summary = cut.Find("[data-testid=cmip6-store-count]").TextContent;
        Assert.Matches(@"^[1-9][\d,]* of 3,502 CMIP6 stores in the catalogue match these choices", summary);
        cut.OpenSelect("f-experiment");
        var ssp585 = MudControls.Options(_popovers).Single(o => MudControls.OptionValue(o) == "ssp585").TextContent;
        var ssp126 = MudControls.Options(_popovers).Single(o => MudControls.OptionValue(o) == "ssp126").TextContent;
        Assert.Matches(@"· [1-9][\d,]* stores", ssp585);
        Assert.Contains("· 0 stores", ssp126, StringComparison.Ordinal);
    }

    [Fact]
    public void Institutions_and_models_come_from_the_catalogue_and_narrow_the_count()
    {
        _model.DataType = DataType.Both;
        _model.ActivityIds = ["CMIP"];
        _model.Experiment = "historical";
        var stores = new Portal.Domain.Datasets.Stores.Cmip6StoreCatalogue(Portal.Infra.Catalogue.ShippedStoreCatalogue.LoadIndex());
        IRenderedComponent<SessionForm>? cut = null;
        cut = Render<SessionForm>(p => p
            .Add(x => x.Model, _model)
            .Add(x => x.Errors, [])
            .Add(x => x.Stores, stores)
            .Add(x => x.OnChanged, () => cut!.Render(q => q.Add(x => x.Errors, []))));
        var before = cut.Find("[data-testid=cmip6-store-count]").TextContent;

        cut.OpenSelect("f-institutions");
        Assert.Equal(stores.Index.Values(Portal.Domain.Datasets.Stores.StoreFacet.Institution), MudControls.Options(_popovers).Select(MudControls.OptionValue));
        MudControls.ClickOption(_popovers, "NOAA-GFDL");

        Assert.Equal(["NOAA-GFDL"], _model.InstitutionIds);
        Assert.Equal(["NOAA-GFDL"], _model.ToRequest().InstitutionIds);
        cut.WaitForAssertion(() => Assert.NotEqual(before, cut.Find("[data-testid=cmip6-store-count]").TextContent));
    }
}
