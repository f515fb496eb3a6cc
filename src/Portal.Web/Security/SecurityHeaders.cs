using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;
using Portal.Web.Auth;

namespace Portal.Web.Security;

/// <summary>
/// Headers on every answer: no content sniffing; on pages a Content-Security-Policy that allows the portal's own
/// scripts, styles, images and circuit (MudBlazor sets inline styles; Blazor's import map is allowed by its hash) and
/// a Referrer-Policy. Endpoints may set a stricter Referrer-Policy of their own (the sandbox's presigned pages do).
/// </summary>
internal sealed class SecurityHeaders(RequestDelegate next, IOptions<AuthOptions> auth, IOptions<EntraOptions> entra)
{
    public const string ReferrerPolicy = "strict-origin-when-cross-origin";

    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        if (!ApiRequests.IsApi(context.Request))
        {
            headers["Referrer-Policy"] = ReferrerPolicy;
            headers.ContentSecurityPolicy = ContentSecurityPolicy(context);
        }

        return next(context);
    }

    private string ContentSecurityPolicy(HttpContext context)
    {
        var scripts = "'self'";
        if (context.GetEndpoint()?.Metadata.GetMetadata<ImportMapDefinition>() is { } importMap)
        {
            scripts += $" 'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(importMap.ToString())))}'";
        }

        // Entra's sign-out is a form post answered with a redirect to Entra, which form-action also governs.
        var formTargets = auth.Value.IsEntra
            ? $"'self' {new Uri(entra.Value.Instance ?? EntraOptions.DefaultInstance).GetLeftPart(UriPartial.Authority)}"
            : "'self'";
        return $"default-src 'self'; script-src {scripts}; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; "
               + $"connect-src 'self'; frame-ancestors 'self'; base-uri 'self'; form-action {formTargets}; object-src 'none'";
    }
}
