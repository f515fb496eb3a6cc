using Microsoft.AspNetCore.Authentication.Cookies;

namespace Portal.Web.Auth;

/// <summary>
/// Cookie events that feed <see cref="RevalidatingPortalAuthenticationStateProvider"/>: each sign-in gets a session id,
/// each request's principal says when the browser's cookie expires, and signing out (or in again) ends the session.
/// </summary>
internal static class SessionCookieEvents
{
    private const string RenewedExpiryKey = "Portal.Auth.RenewedCookieExpiry";

    public static void Attach(CookieAuthenticationOptions options)
    {
        var events = options.Events;
        var signingIn = events.OnSigningIn;
        var signingOut = events.OnSigningOut;
        var checkSlidingExpiration = events.OnCheckSlidingExpiration;
        var validatePrincipal = events.OnValidatePrincipal;

        events.OnSigningIn = context =>
        {
            // The browser's previous sign-in, if any, ends here: its cookie is being replaced.
            EndCurrentSession(context.HttpContext, context.Options);
            context.Principal?.Identities.First().AddClaim(SessionClaims.NewSessionId());
            return signingIn(context);
        };

        events.OnSigningOut = context =>
        {
            EndCurrentSession(context.HttpContext, context.Options);
            return signingOut(context);
        };

        events.OnCheckSlidingExpiration = async context =>
        {
            await checkSlidingExpiration(context);
            if (context.ShouldRenew)
            {
                // The handler reissues the cookie from now; the principal below must carry that expiry, not the old one.
                context.HttpContext.Items[RenewedExpiryKey] = Now(context.Options).Add(context.Options.ExpireTimeSpan);
            }
        };

        // Per request, never written to the cookie: the handler reissues cookies from the principal as it was read.
        events.OnValidatePrincipal = async context =>
        {
            await validatePrincipal(context);
            var expires = context.HttpContext.Items[RenewedExpiryKey] as DateTimeOffset? ?? context.Properties.ExpiresUtc;
            if (context.Principal is { } principal && expires is { } cookieExpires)
            {
                context.ReplacePrincipal(principal.WithCookieExpiry(cookieExpires));
            }
        };
    }

    private static void EndCurrentSession(HttpContext context, CookieAuthenticationOptions options)
    {
        if (context.User.FindSessionId() is { } sessionId)
        {
            var expires = context.User.FindCookieExpiry() ?? Now(options).Add(options.ExpireTimeSpan);
            context.RequestServices.GetRequiredService<EndedSessions>().End(sessionId, expires);
        }
    }

    private static DateTimeOffset Now(CookieAuthenticationOptions options) => (options.TimeProvider ?? TimeProvider.System).GetUtcNow();
}
