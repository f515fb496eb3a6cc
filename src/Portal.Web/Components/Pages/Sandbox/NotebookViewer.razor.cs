using Microsoft.AspNetCore.Components;
using Portal.Domain.Cloud;
using Portal.Domain.Sessions;
using Portal.Web.Components.Notebooks;
using Portal.Web.Sandbox;

namespace Portal.Web.Components.Pages.Sandbox;

/// <summary>The sandbox's stand-in for JupyterLab: the generated notebook, read-only, with rendered Markdown and secrets hidden.</summary>
public sealed partial class NotebookViewer
{
    private NotebookDocument? _document;
    private IReadOnlyList<NotebookCell> _cells = [];
    private SessionId? _sessionId;

    [Inject]
    private IServiceProvider Services { get; set; } = default!;

    /// <summary>The notebook instance's region.</summary>
    [Parameter]
    public string Region { get; set; } = string.Empty;

    /// <summary>The notebook instance's name.</summary>
    [Parameter]
    public string Name { get; set; } = string.Empty;

    [SupplyParameterFromQuery(Name = "authToken")]
    private string? AuthToken { get; set; }

    [CascadingParameter]
    private HttpContext? HttpContext { get; set; }

    private string DownloadHref =>
        $"/sandbox/notebooks/{Uri.EscapeDataString(Region)}/{Uri.EscapeDataString(Name)}/download?authToken={Uri.EscapeDataString(AuthToken ?? string.Empty)}";

    protected override async Task OnInitializedAsync()
    {
        if (HttpContext is not null)
        {
            SandboxEndpoints.NoStore(HttpContext.Response);
        }

        // Only the sandbox cloud registers a viewer; in AWS the link goes to JupyterLab instead.
        if (Services.GetService<ISandboxNotebookViewer>() is not { } sandbox)
        {
            return;
        }

        var view = await sandbox.OpenPresignedAsync(Region, Name, AuthToken, HttpContext?.RequestAborted ?? CancellationToken.None);
        _document = view?.Document;
        _cells = view?.Cells ?? [];
        _sessionId = view is null ? null : NotebookText.SessionIdOf(view.Document.Content, Name);
    }
}
