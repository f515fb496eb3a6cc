using System.Security.Claims;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Portal.Web.Security;

namespace Portal.Web.Auth;

/// <summary>
/// Sign-in and sign-out. Local mode: form posts from the sign-in page and the app bar. Entra mode: a link that starts
/// the OpenID Connect challenge, and a sign-out of both the portal's cookie and Entra; local sign-in does not exist.
/// </summary>
internal static partial class AccountEndpoints
{
    public const int MaxUserNameLength = 64;

    /// <summary>The longest return URL kept (it ends up in a Location header); longer ones return to <c>/</c>.</summary>
    public const int MaxReturnUrlLength = 2048;
    public const string EntraSignInPath = "/account/entra-signin";
    public const string LocalSignInOff = "Local sign-in is off: this portal signs in with Microsoft Entra ID at /signin.";
    public const string SignOutRefused = "This sign-out did not come from the portal's Sign out button. Reload the page and sign out again.";

    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var auth = endpoints.ServiceProvider.GetRequiredService<IOptions<AuthOptions>>().Value;
        if (auth.IsEntra)
        {
            // Anyone may start a sign-in; Entra and the role check decide who gets in.
            endpoints.MapGet(EntraSignInPath, EntraChallenge).AllowAnonymous().RequireRateLimiting(SignInRateLimit.PolicyName);
            // An explicit 404 for anyone who asks. It carries a body, so the status page re-execution (a POST to
            // /not-found, which the antiforgery check would turn into a 400) leaves it alone.
            endpoints.MapPost("/account/signin", () => Results.Text(LocalSignInOff, statusCode: StatusCodes.Status404NotFound)).AllowAnonymous();
            endpoints.MapPost("/account/signout", EntraSignOut).RequireAntiforgeryToken();
        }
        else
        {
            endpoints.MapPost("/account/signin", SignInAsync).AllowAnonymous().RequireRateLimiting(SignInRateLimit.PolicyName);
            endpoints.MapPost("/account/signout", (Delegate)SignOutAsync).RequireAntiforgeryToken();
        }

        return endpoints;
    }

    /// <summary>
    /// Refuses a post without the form's antiforgery token (another site's form could otherwise sign people out).
    /// Endpoints that bind a form get this check from ASP.NET; the sign-out form has nothing to bind, so the metadata
    /// alone would only have the middleware record the failure.
    /// </summary>
    private static RouteHandlerBuilder RequireAntiforgeryToken(this RouteHandlerBuilder endpoint) =>
        endpoint
            .WithMetadata(new RequireAntiforgeryTokenAttribute())
            .AddEndpointFilter(async (context, next) =>
                context.HttpContext.Features.Get<IAntiforgeryValidationFeature>() is { IsValid: true }
                    ? await next(context)
                    // A body, so that the status page re-execution leaves the answer alone.
                    : Results.Text(SignOutRefused, statusCode: StatusCodes.Status400BadRequest));

    /// <summary>Checks a local user name: 1 to 64 letters, digits, dots, dashes, underscores or @.</summary>
    /// <returns>Null for a good name, else the <see cref="SignInErrors"/> code that says what is wrong.</returns>
    public static string? ValidateUserName(string? userName)
    {
        if (string.IsNullOrWhiteSpace(userName))
        {
            return SignInErrors.UserNameMissing;
        }

        if (userName.Trim().Length > MaxUserNameLength)
        {
            return SignInErrors.UserNameTooLong;
        }

        return UserNamePattern().IsMatch(userName.Trim()) ? null : SignInErrors.UserNameCharacters;
    }

    private static async Task<IResult> SignInAsync(
        HttpContext context,
        [FromForm(Name = "UserName")] string? userName,
        [FromForm(Name = "Role")] string? role,
        [FromForm(Name = "ReturnUrl")] string? returnUrl)
    {
        var error = ValidateUserName(userName)
                    ?? (role is "User" or "Admin" ? null : SignInErrors.Role);
        if (error is not null)
        {
            var query = QueryString.Create(new Dictionary<string, string?>
            {
                ["error"] = error,
                // Echoed into the Location header: a name too long to be valid is not sent back.
                ["userName"] = userName is { Length: <= MaxUserNameLength } ? userName : string.Empty,
                ["returnUrl"] = SafeReturnUrl(returnUrl),
            });
            return Results.Redirect("/signin" + query);
        }

        var name = userName!.Trim();
        var claims = new List<Claim>
        {
            new(ClaimTypes.Name, name),
            new(ClaimTypes.NameIdentifier, "local:" + name),
            new(ClaimTypes.Role, PortalRoles.User),
        };
        if (role == "Admin")
        {
            claims.Add(new(ClaimTypes.Role, PortalRoles.Admin));
        }

        // Local users have no directory: their groups (for budgets) come from LocalSignIn:Groups:<user name>.
        claims.AddRange(LocalGroups(context.RequestServices.GetRequiredService<IConfiguration>(), name).Select(g => new Claim(PortalRoles.GroupsClaim, g)));
        var identity = new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme);
        await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
        return Results.LocalRedirect(SafeReturnUrl(returnUrl));
    }

    /// <summary>The groups configured for a local user: <c>LocalSignIn:Groups:&lt;user name&gt;</c> = <c>team-a,team-b</c>.</summary>
    internal static IReadOnlyList<string> LocalGroups(IConfiguration configuration, string userName) =>
        configuration[$"LocalSignIn:Groups:{userName}"] is { Length: > 0 } text
            ? text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : [];

    private static async Task<IResult> SignOutAsync(HttpContext context)
    {
        await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return Results.LocalRedirect("/signin?signedOut=true");
    }

    private static IResult EntraChallenge(
        [FromQuery(Name = "returnUrl")] string? returnUrl,
        [FromQuery(Name = "selectAccount")] bool? selectAccount)
    {
        var properties = new OpenIdConnectChallengeProperties { RedirectUri = SafeReturnUrl(returnUrl) };
        if (selectAccount == true)
        {
            properties.Prompt = "select_account";
        }

        return Results.Challenge(properties, [OpenIdConnectDefaults.AuthenticationScheme]);
    }

    /// <summary>Ends the portal's session and Entra's: Entra comes back through /signout-callback-oidc to the sign-in page.</summary>
    private static IResult EntraSignOut() =>
        Results.SignOut(
            new AuthenticationProperties { RedirectUri = "/signin?signedOut=true" },
            [CookieAuthenticationDefaults.AuthenticationScheme, OpenIdConnectDefaults.AuthenticationScheme]);

    /// <summary>
    /// Only local paths, by the rules of ASP.NET's <c>IsLocalUrl</c>: an open redirect would let a link send users
    /// anywhere after sign-in. <c>~/path</c> comes back as <c>/path</c>; anything else that is not local becomes <c>/</c>.
    /// </summary>
    internal static string SafeReturnUrl(string? returnUrl)
    {
        if (string.IsNullOrEmpty(returnUrl) || returnUrl.Length > MaxReturnUrlLength || returnUrl.Any(c => char.IsControl(c) || char.IsWhiteSpace(c)))
        {
            // Browsers drop tabs and newlines anywhere in a URL and trim spaces and control characters at its ends:
            // "/\t/evil.example" arrives as "//evil.example", another host.
            return "/";
        }

        var path = returnUrl.StartsWith("~/", StringComparison.Ordinal) ? returnUrl[1..] : returnUrl;

        // One leading slash: "//host" and "/\host" are other hosts to a browser.
        return path[0] == '/' && (path.Length == 1 || (path[1] != '/' && path[1] != '\\'))
            ? path
            : "/";
    }

    [GeneratedRegex("^[A-Za-z0-9._@-]+$")]
    private static partial Regex UserNamePattern();
}
