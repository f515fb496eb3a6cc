using Microsoft.Playwright;

namespace Portal.E2E.Tests.Pages;

/// <summary>A session's page: status, timeline, Open notebook, Stop.</summary>
internal sealed class SessionPage(IPage page)
{
    public ILocator Status => page.GetByTestId("session-status");

    public ILocator OpenNotebook => page.GetByRole(AriaRole.Button, new() { Name = "Open notebook" });

    public ILocator Stop => page.GetByRole(AriaRole.Button, new() { Name = "Stop", Exact = true });

    public ILocator Step(string resourceName) => page.GetByTestId($"step-{resourceName}");

    public string SessionId => new Uri(page.Url).Segments[^1];

    /// <summary>Clicks Open notebook and returns the tab it opens.</summary>
    public Task<IPage> OpenNotebookAsync() => page.RunAndWaitForPopupAsync(() => OpenNotebook.ClickAsync());
}
