using Microsoft.Net.Http.Headers;
using Portal.Infra.Sandbox;

namespace Portal.Web.Sandbox;

/// <summary>The sandbox's stand-in for a notebook instance's web address: download of the generated notebook.</summary>
internal static class SandboxEndpoints
{
    public static IEndpointRouteBuilder MapSandboxEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // The presigned token is the authorization, as with SageMaker's presigned URLs.
        endpoints.MapGet("/sandbox/notebooks/{region}/{name}/download", DownloadAsync).AllowAnonymous();
        return endpoints;
    }

    private static async Task<IResult> DownloadAsync(
        HttpContext context,
        IServiceProvider services,
        string region,
        string name,
        string? authToken,
        CancellationToken cancellationToken)
    {
        var sandbox = services.GetService<SandboxCloud>();
        if (sandbox is null)
        {
            return Results.NotFound();
        }

        var document = await sandbox.OpenPresignedAsync(region, name, authToken, cancellationToken);
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
