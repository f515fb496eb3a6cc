using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2E.Tests.Pages;

/// <summary>The explore page: map, form, cost panel, Launch.</summary>
internal sealed class ExplorePage(IPage page)
{
    public ILocator MapMarker(string datasetName) =>
        page.GetByRole(AriaRole.Checkbox, new() { Name = datasetName, Exact = true });

    public ILocator Launch => page.GetByRole(AriaRole.Button, new() { Name = "Launch" });

    public ILocator CostTotal => page.GetByTestId("cost-total");

    public ILocator CostHourly => page.GetByTestId("cost-hourly");

    public async Task SelectOnMapAsync(string datasetName)
    {
        var marker = MapMarker(datasetName);
        await marker.ClickAsync();
        await Expect(marker).ToHaveAttributeAsync("aria-checked", "true");
    }

    /// <summary>The sample notebook's first-run answers.</summary>
    public async Task FillSampleFirstRunAsync()
    {
        await page.GetByLabel("Data type").SelectOptionAsync("Both");
        await page.GetByLabel("Variable category").SelectOptionAsync(new SelectOptionValue { Label = "temperature" });
        await page.GetByLabel("Variable", new() { Exact = true }).SelectOptionAsync("air_temperature_at_2_metres");
        await page.GetByLabel("Start date").FillAsync("2022-01-01");
        await page.GetByLabel("End date").FillAsync("2022-11-28");
        await page.GetByLabel("Activity IDs").SelectOptionAsync(["ScenarioMIP", "CMIP"]);
        await page.GetByLabel("Table ID").SelectOptionAsync("Amon");
        await page.GetByLabel("Variable IDs").SelectOptionAsync(["tas"]);
        await page.GetByLabel("Experiment").SelectOptionAsync("ssp245");
        await page.GetByLabel("Workers per region").FillAsync("2");
        await page.GetByLabel("Maximum hours").FillAsync("4");
    }
}
