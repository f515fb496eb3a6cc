namespace Portal.Domain.Cloud;

/// <summary>The sandbox's stand-in for a notebook instance's web address: the notebook, opened with a presigned link.</summary>
public interface ISandboxNotebookViewer
{
    /// <summary>The notebook behind a presigned link; null when the token is wrong, expired, or the instance is gone.</summary>
    Task<NotebookView?> OpenPresignedAsync(string region, string instanceName, string? authToken, CancellationToken cancellationToken);
}

/// <summary>A notebook document and its cells, for display.</summary>
public sealed record NotebookView(NotebookDocument Document, IReadOnlyList<NotebookCell> Cells);
