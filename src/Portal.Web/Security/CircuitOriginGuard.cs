using Microsoft.Extensions.Options;

namespace Portal.Web.Security;

/// <summary>
/// Refuses circuits opened by other sites (cross-site WebSocket hijacking): a WebSocket upgrade or a negotiate under
/// <c>/_blazor</c> runs with the user's cookie, so only pages of the portal itself may make one. Browsers always send
/// <c>Origin</c> on these, so a missing one (or <c>null</c>, from sandboxed frames and file pages) is refused too.
/// </summary>
internal sealed partial class CircuitOriginGuard(RequestDelegate next, IOptionsMonitor<SecurityOptions> options, ILogger<CircuitOriginGuard> logger)
{
    public const string Refusal = "This connection did not come from a page of the portal.";
    private const int MaxLoggedOriginLength = 100;

    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        if (!request.Path.StartsWithSegments("/_blazor", StringComparison.OrdinalIgnoreCase))
        {
            return next(context);
        }

        var origin = request.Headers.Origin.ToString();
        var needsOrigin = origin.Length > 0
                          || !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
                          || request.Headers.Upgrade.Count > 0;
        if (!needsOrigin || IsAllowed(origin, request))
        {
            return next(context);
        }

        LogRefused(origin.Length > MaxLoggedOriginLength ? origin[..MaxLoggedOriginLength] : origin, request.Method, request.Path);
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        // A body, so that the status page re-execution leaves the answer alone.
        return context.Response.WriteAsync(Refusal, context.RequestAborted);
    }

    /// <summary><c>scheme://host[:port]</c> in lower case without a default port, or null when it is not an http(s) origin.</summary>
    internal static string? NormalizeOrigin(string? origin)
    {
        if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || uri.AbsolutePath != "/" || uri.Query.Length > 0 || uri.Fragment.Length > 0 || uri.UserInfo.Length > 0)
        {
            return null;
        }

        return uri.GetLeftPart(UriPartial.Authority);
    }

    private bool IsAllowed(string origin, HttpRequest request)
    {
        var normalized = NormalizeOrigin(origin);
        if (normalized is null)
        {
            return false;
        }

        var own = request.Host.HasValue ? NormalizeOrigin($"{request.Scheme}://{request.Host.Value}") : null;
        return string.Equals(normalized, own, StringComparison.Ordinal)
               || options.CurrentValue.AllowedOrigins.Any(o => string.Equals(normalized, NormalizeOrigin(o), StringComparison.Ordinal));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a circuit request ({Method} {Path}) from origin '{Origin}': not the portal's own")]
    private partial void LogRefused(string origin, string method, string path);
}
