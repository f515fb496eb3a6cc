using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2E.Tests.Pages;

/// <summary>The explore page: map, form (MudBlazor selects, date and number fields), cost panel, Launch.</summary>
internal sealed class ExplorePage(IPage page)
{
    public ILocator MapMarker(string datasetName) =>
        page.GetByRole(AriaRole.Checkbox, new() { Name = datasetName, Exact = true });

    public ILocator Launch => page.GetByRole(AriaRole.Button, new() { Name = "Launch" });

    public ILocator CostTotal => page.GetByTestId("cost-total");

    public ILocator CostHourly => page.GetByTestId("cost-hourly");

    /// <summary>A select (MudSelect) by its label.</summary>
    public ILocator Select(string label) => page.GetByRole(AriaRole.Combobox, new() { Name = label, Exact = true });

    /// <summary>An option of the open select: its text starts with the value (then what it means).</summary>
    public ILocator Option(string value) =>
        page.GetByRole(AriaRole.Option).Filter(new() { HasTextRegex = new Regex($"^\\s*{Regex.Escape(value)}(\\s|$)") });

    /// <summary>A date field by its label: a text field that takes yyyy-mm-dd.</summary>
    public ILocator DateField(string label) => page.GetByRole(AriaRole.Textbox, new() { Name = label, Exact = true });

    public async Task SelectOnMapAsync(string datasetName)
    {
        var marker = MapMarker(datasetName);
        await marker.ClickAsync();
        await Expect(marker).ToHaveAttributeAsync("aria-checked", "true");
    }

    /// <summary>Picks one value of a single select with the mouse.</summary>
    public async Task ChooseAsync(string label, string value)
    {
        await Select(label).ClickAsync();
        await Option(value).ClickAsync();
        await Expect(Select(label)).ToHaveAttributeAsync("aria-expanded", "false");
    }

    /// <summary>Makes a multi-select hold exactly <paramref name="values"/> (clicks the options that differ), then closes it.</summary>
    public async Task ChooseManyAsync(string label, params string[] values)
    {
        await Select(label).ClickAsync();
        var options = page.GetByRole(AriaRole.Option);
        await Expect(options.First).ToBeVisibleAsync();
        foreach (var option in await options.AllAsync())
        {
            var value = (await option.InnerTextAsync()).Trim().Split([' ', '\n'], 2)[0];
            var selected = await option.GetAttributeAsync("aria-selected") == "true";
            if (selected != values.Contains(value))
            {
                await option.ClickAsync();
                await Expect(option).ToHaveAttributeAsync("aria-selected", selected ? "false" : "true");
            }
        }

        await page.Keyboard.PressAsync("Escape");
        await Expect(Select(label)).ToHaveAttributeAsync("aria-expanded", "false");
    }

    /// <summary>Types a date digit by digit, as a person does, then leaves the field (the date is read when it loses focus).</summary>
    public async Task TypeDateAsync(string label, string isoDate)
    {
        var field = DateField(label);
        await field.FocusAsync();
        await field.PressAsync("Control+a");
        await field.PressSequentiallyAsync(isoDate, new() { Delay = 30 });
        await field.PressAsync("Tab");
    }

    /// <summary>The sample notebook's first-run answers.</summary>
    public async Task FillSampleFirstRunAsync()
    {
        await ChooseAsync("Data type", "Both");
        await ChooseAsync("Variable category", "temperature");
        await ChooseAsync("Variable", "air_temperature_at_2_metres");
        await TypeDateAsync("Start date", "2022-01-01");
        await TypeDateAsync("End date", "2022-11-28");
        await ChooseManyAsync("Activity IDs", "ScenarioMIP", "CMIP");
        await ChooseAsync("Table ID", "Amon");
        await ChooseManyAsync("Variable IDs", "tas");
        await ChooseAsync("Experiment", "ssp245");
        await page.GetByLabel("Workers per region").FillAsync("2");
        await page.GetByLabel("Maximum hours").FillAsync("4");
    }
}
