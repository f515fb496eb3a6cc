using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Portal.Web.Auth;

namespace Portal.Web.Tests.Support;

/// <summary>
/// A session cookie the portal itself would accept, for a principal no sign-in hands out (one without a Portal role,
/// as an old cookie or a changed app registration could leave behind). Sealed with the portal's own data protection.
/// </summary>
public static class SessionCookies
{
    public const string Name = "portal.auth";

    /// <summary>
    /// The <c>Cookie</c> header value carrying <paramref name="principal"/>, valid for an hour, with its user's current
    /// security stamp (as a sign-in would write it).
    /// </summary>
    public static async Task<string> ForAsync(WebApplicationFactory<Program> portal, ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(portal);
        ArgumentNullException.ThrowIfNull(principal);
        await portal.Services.GetRequiredService<SecurityStamps>().StampAsync(principal, CancellationToken.None);
        var options = portal.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(CookieAuthenticationDefaults.AuthenticationScheme);
        var now = DateTimeOffset.UtcNow;
        var ticket = new AuthenticationTicket(
            principal,
            new AuthenticationProperties { IssuedUtc = now, ExpiresUtc = now.AddHours(1) },
            CookieAuthenticationDefaults.AuthenticationScheme);
        return $"{Name}={options.TicketDataFormat.Protect(ticket)}";
    }

    /// <summary>A signed-in principal as a sign-in would make it, with exactly <paramref name="roles"/>.</summary>
    public static ClaimsPrincipal Principal(string userName, params string[] roles) =>
        new(new ClaimsIdentity(
            [
                new(ClaimTypes.Name, userName),
                new(ClaimTypes.NameIdentifier, "local:" + userName),
                .. roles.Select(role => new Claim(ClaimTypes.Role, role)),
            ],
            CookieAuthenticationDefaults.AuthenticationScheme));
}
