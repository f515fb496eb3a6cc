using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Identity.Web;

namespace Portal.Web.Auth;

/// <summary>
/// What the portal adds to the OpenID Connect handler: API calls are answered 401 instead of being sent to Entra,
/// accounts without a Portal app role are refused before they get a session cookie, and a failed sign-in lands on
/// the sign-in page with a message instead of an error page. Nothing here logs a token, a code or a secret.
/// </summary>
internal static partial class EntraSignInEvents
{
    public const string NameClaimType = "preferred_username";

    public static void Attach(OpenIdConnectEvents events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var redirectToIdentityProvider = events.OnRedirectToIdentityProvider;
        var tokenValidated = events.OnTokenValidated;
        var remoteFailure = events.OnRemoteFailure;

        events.OnRedirectToIdentityProvider = context =>
        {
            if (ApiRequests.IsApi(context.Request))
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                context.HandleResponse();
                return Task.CompletedTask;
            }

            return redirectToIdentityProvider(context);
        };

        events.OnTokenValidated = async context =>
        {
            await tokenValidated(context);
            if (context.Result is not null)
            {
                return;
            }

            var refusal = Refusal(context.Principal);
            if (refusal is not null)
            {
                LogRefused(Logger(context.HttpContext), refusal.Reason, context.Principal?.GetObjectId() ?? "unknown", context.Principal?.GetTenantId() ?? "unknown");
                context.HandleResponse();
                context.Response.Redirect(refusal.RedirectTo);
            }
        };

        events.OnRemoteFailure = async context =>
        {
            await remoteFailure(context);
            if (context.Result is not null)
            {
                return;
            }

            // The exception names what failed (state, nonce, signature, issuer...); IdentityModel hides token contents.
            LogRemoteFailure(Logger(context.HttpContext), context.Failure?.GetType().Name ?? "unknown", context.Failure?.Message ?? string.Empty);
            context.HandleResponse();
            context.Response.Redirect(SignInErrors.SignInPath(SignInErrors.EntraFailed));
        };
    }

    /// <summary>Why a validated Entra account may not use the portal and where it is sent instead, or null when it may.</summary>
    internal static SignInRefusal? Refusal(ClaimsPrincipal? principal)
    {
        if (principal is null || !(principal.IsInRole(PortalRoles.User) || principal.IsInRole(PortalRoles.Admin)))
        {
            return new("no Portal app role", PortalAuthentication.NoRolePath);
        }

        // Sessions belong to the tenant and object id and show the user name: without them the portal would half work.
        return string.IsNullOrWhiteSpace(principal.Identity?.Name) || principal.ToActor() is null
            ? new("no preferred_username, tid or oid claim", SignInErrors.SignInPath(SignInErrors.EntraNoUserName))
            : null;
    }

    private static ILogger Logger(HttpContext context) =>
        context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(EntraSignInEvents).FullName!);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Entra sign-in refused ({Reason}) for object {ObjectId} in tenant {TenantId}")]
    private static partial void LogRefused(ILogger logger, string reason, string objectId, string tenantId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Entra sign-in failed: {FailureType}: {FailureMessage}")]
    private static partial void LogRemoteFailure(ILogger logger, string failureType, string failureMessage);
}

/// <summary>Why an account was refused (for the log) and the page that tells the user.</summary>
internal sealed record SignInRefusal(string Reason, string RedirectTo);
