using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Portal.Web.Auth;

/// <summary>
/// Cookie events that make sign-out final and feed <see cref="RevalidatingPortalAuthenticationStateProvider"/>: each
/// sign-in carries its user's security stamp and is recorded as the user's latest (what their API tokens act as), each request's cookie is refused once that stamp changed, signing out
/// (or in again in the same browser) renews the stamp, and each request's principal says when the cookie expires.
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

        events.OnSigningIn = async context =>
        {
            var stamps = Stamps(context.HttpContext);
            // The browser's previous sign-in, if any, ends here: its cookie is being replaced.
            await stamps.EndAsync(context.HttpContext.User, context.HttpContext.RequestAborted);
            if (context.Principal is { } principal)
            {
                await stamps.StampAsync(principal, context.HttpContext.RequestAborted);
                await SignInRecording.RecordAsync(context.HttpContext, principal);
            }

            await signingIn(context);
        };

        events.OnSigningOut = async context =>
        {
            await Stamps(context.HttpContext).EndAsync(context.HttpContext.User, context.HttpContext.RequestAborted);
            await signingOut(context);
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
            if (context.Principal is not { } principal)
            {
                return;
            }

            if (!await Stamps(context.HttpContext).IsCurrentAsync(principal, context.HttpContext.RequestAborted))
            {
                // Signed out since (or issued before stamps existed): the request is anonymous and the cookie goes.
                // HttpContext.User is still anonymous here, so this sign-out renews no stamp.
                context.RejectPrincipal();
                await context.HttpContext.SignOutAsync(context.Scheme.Name);
                return;
            }

            var expires = context.HttpContext.Items[RenewedExpiryKey] as DateTimeOffset? ?? context.Properties.ExpiresUtc;
            if (expires is { } cookieExpires)
            {
                context.ReplacePrincipal(principal.WithCookieExpiry(cookieExpires));
            }
        };
    }

    private static SecurityStamps Stamps(HttpContext context) => context.RequestServices.GetRequiredService<SecurityStamps>();

    private static DateTimeOffset Now(CookieAuthenticationOptions options) => (options.TimeProvider ?? TimeProvider.System).GetUtcNow();
}
