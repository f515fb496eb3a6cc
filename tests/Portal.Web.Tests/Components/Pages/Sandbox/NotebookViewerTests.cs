using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Cloud;
using Portal.Web.Components.Pages.Sandbox;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Components.Pages.Sandbox;

public sealed class NotebookViewerTests : PortalTestContext
{
    private const string Token = "CfDJ8-the-real-token";

    public NotebookViewerTests()
        : base(context => context.Services.AddSingleton<ISandboxNotebookViewer>(new OneNotebook()))
    {
    }

    private IRenderedComponent<NotebookViewer> RenderViewer(string token = OneNotebook.Token)
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo($"/sandbox/notebooks/eu-west-2/portal-s-abcdefgh12?authToken={token}");
        return Render<NotebookViewer>(p => p.Add(c => c.Region, "eu-west-2").Add(c => c.Name, "portal-s-abcdefgh12"));
    }

    [Fact]
    public void Markdown_cells_are_rendered_not_printed()
    {
        var cut = RenderViewer();

        var title = cut.Find("[data-testid=cell-title]");
        Assert.Equal("Portal session s-abcdefgh12", title.QuerySelector("h2")!.TextContent);
        Assert.Equal("s-abcdefgh12", title.QuerySelector("h2 code")!.TextContent);
        Assert.Equal(2, title.QuerySelectorAll("li").Length);
        Assert.DoesNotContain("# Portal", title.TextContent, StringComparison.Ordinal);
        Assert.Empty(title.QuerySelectorAll("script"));
    }

    [Fact]
    public void The_cost_token_is_hidden_in_the_parameters_cell()
    {
        var cut = RenderViewer();

        var parameters = cut.Find("[data-testid=cell-parameters] pre");
        Assert.Contains("PORTAL_COST_TOKEN = \"•••• (hidden)\"", parameters.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, cut.Markup, StringComparison.Ordinal);
        Assert.Contains("SESSION_ID = \"s-abcdefgh12\"", parameters.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Code_cells_are_preformatted()
    {
        var cut = RenderViewer();

        Assert.Contains("client = Client(SCHEDULER_ADDRESS)", cut.Find("[data-testid=cell-connect] pre code").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void A_link_leads_back_to_the_session()
    {
        var cut = RenderViewer();

        Assert.Equal("/sessions/s-abcdefgh12", cut.Find("[data-testid=back-to-session]").GetAttribute("href"));
    }

    [Fact]
    public void A_wrong_link_shows_no_notebook()
    {
        var cut = RenderViewer(token: "forged");

        Assert.Equal("This notebook link does not work", cut.Find("h1").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=back-to-session]"));
    }

    private sealed class OneNotebook : ISandboxNotebookViewer
    {
        public const string Token = "good";

        public Task<NotebookView?> OpenPresignedAsync(string region, string instanceName, string? authToken, CancellationToken cancellationToken)
        {
            if (authToken != Token)
            {
                return Task.FromResult<NotebookView?>(null);
            }

            NotebookCell[] cells =
            [
                NotebookCell.Markdown("title", "# Portal session `s-abcdefgh12`\n\n- Data type: Both\n- Datasets: ERA5 <script>alert(1)</script>"),
                NotebookCell.Code("parameters", $"SESSION_ID = \"s-abcdefgh12\"\nPORTAL_COST_TOKEN = \"{NotebookViewerTests.Token}\"", "parameters"),
                NotebookCell.Code("connect", "from dask.distributed import Client\n\nclient = Client(SCHEDULER_ADDRESS)"),
            ];
            var document = new NotebookDocument("portal-s-abcdefgh12.ipynb", """{"cells": [], "metadata": {"portal": {"sessionId": "s-abcdefgh12"}}}""");
            return Task.FromResult<NotebookView?>(new NotebookView(document, cells));
        }
    }
}
