using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Portal.E2E.Tests.Pages;

/// <summary>A session's page: status, timeline, Open notebook, Stop.</summary>
internal sealed partial class SessionPage(IPage page)
{
    /// <summary>The address of a session's page, as a launch lands on it.</summary>
    [GeneratedRegex(@"/sessions/s-[0-9a-z]{10}$")]
    public static partial Regex Url();

    public ILocator Status => page.GetByTestId("session-status");

    public ILocator OpenNotebook => page.GetByRole(AriaRole.Button, new() { Name = "Open notebook" });

    public ILocator Stop => page.GetByRole(AriaRole.Button, new() { Name = "Stop", Exact = true });

    public ILocator Step(string resourceName) => page.GetByTestId($"step-{resourceName}");

    public string SessionId => new Uri(page.Url).Segments[^1];

    /// <summary>Clicks Open notebook and returns the tab it opens.</summary>
    public Task<IPage> OpenNotebookAsync() => page.RunAndWaitForPopupAsync(() => OpenNotebook.ClickAsync());
}
