using System.Globalization;
using System.Security.Claims;

namespace Portal.Web.Auth;

/// <summary>
/// What the portal adds to a signed-in principal so that an open circuit can tell when its sign-in has ended: the
/// circuit keeps the principal it started with, long after the cookie that carried it.
/// </summary>
internal static class SessionClaims
{
    /// <summary>When the browser's cookie expires, in Unix seconds; added on every request, so it follows sliding renewal.</summary>
    public const string CookieExpires = "portal:cookie_expires";

    public static DateTimeOffset? FindCookieExpiry(this ClaimsPrincipal principal) =>
        long.TryParse(principal.FindFirst(CookieExpires)?.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;

    /// <summary>The principal with <paramref name="expires"/> as its cookie expiry, in an identity of its own.</summary>
    public static ClaimsPrincipal WithCookieExpiry(this ClaimsPrincipal principal, DateTimeOffset expires)
    {
        var expiry = new Claim(CookieExpires, expires.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), ClaimValueTypes.Integer64);
        return new ClaimsPrincipal(principal.Identities
            .Where(i => !i.HasClaim(c => c.Type == CookieExpires))
            .Append(new ClaimsIdentity([expiry])));
    }
}
