using Microsoft.Playwright;

namespace Portal.E2E.Tests.Infrastructure;

/// <summary>
/// One headless Chromium for the whole test assembly: Debian's /usr/bin/chromium (Playwright cannot download
/// browsers here), or PORTAL_CHROMIUM. A missing browser fails the tests; it never skips them.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public static string ExecutablePath => Environment.GetEnvironmentVariable("PORTAL_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException(
                $"Chromium is not at {ExecutablePath}. Install it (apt-get install -y chromium) or set PORTAL_CHROMIUM to its path.");
        }

        // CI runs every test project at once on two cores: a circuit round trip can take longer than Playwright's 5 s
        // default there. Expectations still wait only as long as they must.
        Assertions.SetDefaultExpectTimeout(15_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-quic",
            ],
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}
