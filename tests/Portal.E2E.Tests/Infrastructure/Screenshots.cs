using Microsoft.Playwright;

namespace Portal.E2E.Tests.Infrastructure;

/// <summary>Screenshots the tests save as artifacts, under the test output folder (never committed).</summary>
internal static class Screenshots
{
    public static string Folder { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    /// <summary>Saves the whole page as <c>screenshots/&lt;name&gt;-&lt;width&gt;.png</c> and returns its path.</summary>
    public static async Task<string> SaveAsync(IPage page, string name)
    {
        ArgumentNullException.ThrowIfNull(page);
        Directory.CreateDirectory(Folder);
        var width = page.ViewportSize?.Width ?? 0;
        var path = Path.Combine(Folder, $"{name}-{width}.png");
        await page.ScreenshotAsync(new() { Path = path, FullPage = true });
        return path;
    }
}
