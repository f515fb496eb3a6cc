using Portal.E2E.Tests.Infrastructure;
using Portal.E2E.Tests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2E.Tests;

/// <summary>Dates typed digit by digit in a real browser keep every digit: the field never rewrites a date mid-edit.</summary>
[Collection(BrowserTests.Name)]
public sealed class DateEntryTests(BrowserFixture browser) : IAsyncLifetime
{
    private PortalHost _portal = null!;

    public ValueTask InitializeAsync()
    {
        _portal = new PortalHost(PortalHost.NewDataDirectory()).Start();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await _portal.DisposeAsync();
        Directory.Delete(_portal.DataDirectory, recursive: true);
    }

    [Fact]
    public async Task Dates_typed_digit_by_digit_keep_every_digit_and_are_read_as_iso_dates()
    {
        await using var context = await browser.Browser.NewContextAsync(new() { BaseURL = _portal.BaseAddress.ToString() });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/signin");
        await new SignInPage(page).SignInAsync("ada");
        var explore = new ExplorePage(page);
        await explore.SelectOnMapAsync("ERA5 reanalysis (us-east-1)");
        var start = explore.DateField("Start date");
        var end = explore.DateField("End date");
        await Expect(start).ToHaveValueAsync("2022-01-01");

        // The keystrokes that broke the old field (01/01/2022 became 10/12/0022): every prefix stays as typed.
        await start.FocusAsync();
        await start.PressAsync("Control+a");
        var typed = string.Empty;
        foreach (var key in "2021-03-04")
        {
            await page.Keyboard.TypeAsync(key.ToString());
            typed += key;
            await Expect(start).ToHaveValueAsync(typed);
        }

        // ArrowUp moves the caret in a text field; it never empties the date.
        await page.Keyboard.PressAsync("ArrowUp");
        await Expect(start).ToHaveValueAsync("2021-03-04");
        await page.Keyboard.PressAsync("Tab");
        await Expect(start).ToHaveValueAsync("2021-03-04");

        // The portal read the start date: an end before it is named at the end date, a later one is not.
        await explore.TypeDateAsync("End date", "2021-03-01");
        await Expect(end).ToHaveValueAsync("2021-03-01");
        await Expect(page.GetByTestId("error-EndDate")).ToHaveTextAsync("End date must be on or after the start date.");
        await Expect(end).ToHaveAttributeAsync("aria-invalid", "true");

        await explore.TypeDateAsync("End date", "2021-12-31");
        await Expect(end).ToHaveValueAsync("2021-12-31");
        await Expect(page.GetByTestId("error-EndDate")).ToHaveCountAsync(0);
        await Expect(end).ToHaveAttributeAsync("aria-invalid", "false");
        await Expect(page.GetByTestId("launch")).ToBeEnabledAsync();

        // An emptied date asks for one.
        await start.FocusAsync();
        await start.PressAsync("Control+a");
        await start.PressAsync("Backspace");
        await start.PressAsync("Tab");
        await Expect(page.GetByTestId("error-StartDate")).ToHaveTextAsync("Enter a start date.");
        await Expect(page.GetByTestId("launch")).ToBeDisabledAsync();
    }
}
