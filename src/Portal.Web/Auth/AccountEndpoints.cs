using System.Security.Claims;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;

namespace Portal.Web.Auth;

/// <summary>Local sign-in and sign-out: form posts from the sign-in page and the app bar.</summary>
internal static partial class AccountEndpoints
{
    public const int MaxUserNameLength = 64;

    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/account/signin", SignInAsync).AllowAnonymous();
        endpoints.MapPost("/account/signout", (Delegate)SignOutAsync);
        return endpoints;
    }

    /// <summary>Checks a local user name: 1 to 64 letters, digits, dots, dashes, underscores or @.</summary>
    public static string? ValidateUserName(string? userName)
    {
        if (string.IsNullOrWhiteSpace(userName))
        {
            return "Enter a user name.";
        }

        if (userName.Trim().Length > MaxUserNameLength)
        {
            return $"A user name has at most {MaxUserNameLength} characters.";
        }

        return UserNamePattern().IsMatch(userName.Trim())
            ? null
            : "Use letters, digits, dots, dashes, underscores or @ in the user name.";
    }

    private static async Task<IResult> SignInAsync(
        HttpContext context,
        [FromForm(Name = "UserName")] string? userName,
        [FromForm(Name = "Role")] string? role,
        [FromForm(Name = "ReturnUrl")] string? returnUrl)
    {
        var error = ValidateUserName(userName)
                    ?? (role is "User" or "Admin" ? null : "Choose the role User or Admin.");
        if (error is not null)
        {
            var query = QueryString.Create(new Dictionary<string, string?>
            {
                ["error"] = error,
                ["userName"] = userName ?? string.Empty,
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

        var identity = new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme);
        await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
        return Results.LocalRedirect(SafeReturnUrl(returnUrl));
    }

    private static async Task<IResult> SignOutAsync(HttpContext context)
    {
        await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return Results.LocalRedirect("/signin");
    }

    /// <summary>Only local paths: an open redirect would let a link send users anywhere after sign-in.</summary>
    internal static string SafeReturnUrl(string? returnUrl) =>
        returnUrl is { Length: > 0 } url && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal)
            ? url
            : "/";

    [GeneratedRegex("^[A-Za-z0-9._@-]+$")]
    private static partial Regex UserNamePattern();
}
