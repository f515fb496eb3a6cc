using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Portal.E2E.Tests.Pages;

/// <summary>Moves through a page the way a keyboard user does: Tab until the wanted control has focus.</summary>
internal static class Keyboard
{
    /// <summary>Presses Tab (or Shift+Tab) until <paramref name="target"/> has focus; fails after <paramref name="maxPresses"/>.</summary>
    public static async Task TabToAsync(IPage page, ILocator target, int maxPresses = 80, bool backwards = false)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(target);
        for (var i = 0; i < maxPresses; i++)
        {
            if (await target.EvaluateAsync<bool>("e => e === document.activeElement || e.contains(document.activeElement)"))
            {
                return;
            }

            await page.Keyboard.PressAsync(backwards ? "Shift+Tab" : "Tab");
        }

        var focused = await page.EvaluateAsync<string>("() => document.activeElement?.outerHTML.slice(0, 200) ?? 'nothing'");
        Assert.Fail($"Tab did not reach {target} within {maxPresses} presses; focus is on {focused}");
    }

    /// <summary>
    /// True when the focused element shows a focus ring (an outline or a box shadow), as WCAG 2.4.7 asks; in a
    /// MudBlazor field its outline thickens instead.
    /// </summary>
    public static Task<bool> FocusIsVisibleAsync(IPage page) => page.EvaluateAsync<bool>(
        """
        () => {
            const e = document.activeElement;
            if (!e || e === document.body) return false;
            const ring = el => { const s = getComputedStyle(el); return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none'; };
            const border = e.closest('.mud-input-control')?.querySelector('.mud-input-outlined-border');
            return ring(e) || (border != null && parseFloat(getComputedStyle(border).borderTopWidth) >= 3);
        }
        """);

    /// <summary>Types into the focused control, key by key.</summary>
    public static Task TypeAsync(IPage page, string text) => page.Keyboard.TypeAsync(text, new() { Delay = 20 });

    /// <summary>Opens the focused select (MudSelect) with Enter, moves with the arrows to the option whose text starts with <paramref name="value"/>, and picks it with Enter.</summary>
    public static async Task ChooseInSelectAsync(IPage page, ILocator select, string value)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.Keyboard.PressAsync("Enter");
        await Expect(select).ToHaveAttributeAsync("aria-expanded", "true");
        await MoveToOptionAsync(page, value);
        await page.Keyboard.PressAsync("Enter");
        await Expect(select).ToHaveAttributeAsync("aria-expanded", "false");
    }

    /// <summary>In an open multi-select, toggles the options whose text starts with one of <paramref name="values"/>, then closes it with Escape.</summary>
    public static async Task ToggleInMultiSelectAsync(IPage page, ILocator select, params string[] values)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(values);
        await page.Keyboard.PressAsync("Enter");
        await Expect(select).ToHaveAttributeAsync("aria-expanded", "true");
        foreach (var value in values)
        {
            await MoveToOptionAsync(page, value);
            await page.Keyboard.PressAsync("Enter");
        }

        await page.Keyboard.PressAsync("Escape");
        await Expect(select).ToHaveAttributeAsync("aria-expanded", "false");
    }

    /// <summary>ArrowDown until the highlighted option's text starts with <paramref name="value"/>; each press waits for the highlight to move.</summary>
    private static async Task MoveToOptionAsync(IPage page, string value)
    {
        // MudSelect keeps focus on its field and marks the highlighted option (after a round trip to the server).
        const string Highlighted = "() => document.querySelector('.mud-popover-open [role=option].mud-selected-item')?.innerText ?? ''";
        var options = page.GetByRole(AriaRole.Option);
        await Expect(options.First).ToBeVisibleAsync();
        var count = await options.CountAsync();
        for (var i = 0; i <= count; i++)
        {
            var active = await page.EvaluateAsync<string>(Highlighted);
            if ((active.Trim() + " ").StartsWith(value + " ", StringComparison.Ordinal))
            {
                return;
            }

            await page.Keyboard.PressAsync("ArrowDown");
            await page.WaitForFunctionAsync($"before => ({Highlighted})() !== before", active);
        }

        Assert.Fail($"The arrows did not reach the option {value}.");
    }
}
