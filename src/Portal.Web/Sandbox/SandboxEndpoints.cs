using Microsoft.Net.Http.Headers;
using Portal.Domain.Cloud;
using Portal.Web.Auth;

namespace Portal.Web.Sandbox;

/// <summary>The sandbox's stand-in for a notebook instance's web address: download of the generated notebook.</summary>
internal static class SandboxEndpoints
{
    public static IEndpointRouteBuilder MapSandboxEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // The presigned token is the authorization, as with SageMaker's presigned URLs.
        endpoints.MapGet("/sandbox/notebooks/{region}/{name}/download", DownloadAsync).AllowAnonymous();

        // A session's real Jupyter server (real compute): the link works once, before it expires, for the session's owner.
        endpoints.MapGet("/sandbox/jupyter/{name}", OpenJupyterAsync).RequireAuthorization();

        // The figures of a session's latest "Run analysis", for whoever may see the session.
        endpoints.MapGet("/sessions/{id}/results/{name}", FigureAsync).RequireAuthorization();
        return endpoints;
    }

    private static async Task<IResult> FigureAsync(
        IServiceProvider services,
        System.Security.Claims.ClaimsPrincipal user,
        string id,
        string name,
        CancellationToken cancellationToken)
    {
        var analysis = services.GetService<ISessionAnalysis>();
        if (analysis is null || user.ToActor() is not { } actor || !Portal.Domain.Sessions.SessionId.TryParse(id, out var sessionId))
        {
            return Results.NotFound();
        }

        var png = await analysis.ReadFigureAsync(actor, sessionId, name, cancellationToken);
        return png is null ? Results.NotFound() : Results.File(png, "image/png");
    }

    private static async Task<IResult> OpenJupyterAsync(
        HttpContext context,
        IServiceProvider services,
        System.Security.Claims.ClaimsPrincipal user,
        string name,
        string? authToken,
        CancellationToken cancellationToken)
    {
        var gate = services.GetService<ILocalNotebookGate>();
        if (gate is null || user.ToActor() is not { } actor)
        {
            return Results.NotFound();
        }

        NoStore(context.Response);
        var jupyter = await gate.RedeemAsync(actor, name, authToken, cancellationToken);
        return jupyter is null
            ? Results.Problem(
                "This notebook link has expired, was used already, or is not yours. Open the notebook again from the session page.",
                statusCode: StatusCodes.Status403Forbidden)
            : Results.Redirect(jupyter.AbsoluteUri);
    }

    private static async Task<IResult> DownloadAsync(
        HttpContext context,
        IServiceProvider services,
        string region,
        string name,
        string? authToken,
        CancellationToken cancellationToken)
    {
        var sandbox = services.GetService<ISandboxNotebookViewer>();
        if (sandbox is null)
        {
            return Results.NotFound();
        }

        var document = (await sandbox.OpenPresignedAsync(region, name, authToken, cancellationToken))?.Document;
        if (document is null)
        {
            return Results.Problem(
                "This notebook link has expired or is not valid. Open the notebook again from the session page.",
                statusCode: StatusCodes.Status403Forbidden);
        }

        NoStore(context.Response);
        return Results.File(System.Text.Encoding.UTF8.GetBytes(document.Content), "application/x-ipynb+json", document.FileName);
    }

    /// <summary>Presigned pages must not be cached, nor leak their address through the Referer header.</summary>
    public static void NoStore(HttpResponse response)
    {
        response.Headers[HeaderNames.CacheControl] = "no-store";
        response.Headers["Referrer-Policy"] = "no-referrer";
    }
}
