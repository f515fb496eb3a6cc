using System.Security.Claims;
using Portal.Domain.Sessions;

namespace Portal.Web.Auth;

/// <summary>The app roles, named as in the Entra app registration.</summary>
public static class PortalRoles
{
    public const string User = "Portal.User";
    public const string Admin = "Portal.Admin";

    /// <summary>The domain's view of a signed-in user; null when nobody is signed in.</summary>
    public static Actor? ToActor(this ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        return principal.Identity is { IsAuthenticated: true, Name: { Length: > 0 } name }
            ? new Actor(name, principal.IsInRole(Admin))
            : null;
    }
}
