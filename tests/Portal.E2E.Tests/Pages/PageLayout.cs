using Microsoft.Playwright;

namespace Portal.E2E.Tests.Pages;

/// <summary>What any page's layout promises, measured in the browser.</summary>
internal static class PageLayout
{
    /// <summary>The widths the portal is laid out for: a phone, a tablet, a small laptop, a desktop.</summary>
    public static readonly int[] Widths = [390, 768, 1024, 1440];

    /// <summary>True when the page is wider than the window (it would scroll sideways).</summary>
    public static Task<bool> ScrollsSidewaysAsync(IPage page) =>
        page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > document.documentElement.clientWidth + 1");

    /// <summary>The elements that stick out past the right edge (to name them when a page scrolls sideways).</summary>
    public static Task<string> OverflowingAsync(IPage page) => page.EvaluateAsync<string>(
        """
        () => [...document.querySelectorAll('body *')]
            .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
            .slice(0, 5)
            .map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + '.' + [...e.classList].join('.'))
            .join(', ')
        """);

    /// <summary>True when every table cell's content ends inside its table (nothing hidden behind a table's own scrollbar).</summary>
    public static Task<bool> CellsFitAsync(IPage page) => page.EvaluateAsync<bool>(
        """
        () => [...document.querySelectorAll('table td')].every(td => {
            const table = (td.closest('.mud-table-container') ?? td.closest('table')).getBoundingClientRect();
            return [...td.children].every(c => c.getBoundingClientRect().right <= table.right + 1);
        })
        """);

    /// <summary>True when all of the element is inside the window without scrolling.</summary>
    public static Task<bool> InViewAsync(ILocator element) => element.EvaluateAsync<bool>(
        "e => { const r = e.getBoundingClientRect(); return r.top >= 0 && r.left >= 0 && r.bottom <= window.innerHeight && r.right <= window.innerWidth; }");
}
