using Microsoft.Net.Http.Headers;

namespace Portal.Web.Auth;

/// <summary>
/// Which credential an API call carries: a personal API token (<c>portal_pat_</c>), an Entra access token (a JWT:
/// three dot-separated parts), or a session's cost token (anything else, checked by the endpoint that takes it).
/// </summary>
internal static class ApiBearer
{
    /// <summary>The bearer token of the request, or null when it carries none.</summary>
    public static string? Token(HttpRequest request)
    {
        var header = request.Headers[HeaderNames.Authorization].ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && header.Length > 7 ? header[7..].Trim() : null;
    }

    public static bool IsPersonalToken(string token) => token.StartsWith(Portal.Domain.Accounts.ApiToken.Prefix, StringComparison.Ordinal);

    public static bool IsJwt(string token) => token.Count(c => c == '.') == 2 && !IsPersonalToken(token);

    /// <summary>
    /// The scheme that reads an API call's bearer token, or null for calls without one (and for pages: tokens open the
    /// API only, never pages or the Blazor circuit).
    /// </summary>
    public static string? SchemeFor(HttpRequest request, bool entra)
    {
        if (!ApiRequests.IsApi(request) || Token(request) is not { } token)
        {
            return null;
        }

        if (IsPersonalToken(token))
        {
            return ApiTokenAuthenticationHandler.SchemeName;
        }

        return entra && IsJwt(token) ? Microsoft.AspNetCore.Authentication.JwtBearer.JwtBearerDefaults.AuthenticationScheme : null;
    }
}
