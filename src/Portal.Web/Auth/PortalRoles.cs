using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Portal.Domain.Sessions;

namespace Portal.Web.Auth;

/// <summary>The app roles, named as in the Entra app registration.</summary>
public static class PortalRoles
{
    public const string User = "Portal.User";
    public const string Admin = "Portal.Admin";

    /// <summary>The claim that carries a user's groups: Entra's <c>groups</c> claim, and what local sign-in adds from configuration.</summary>
    public const string GroupsClaim = "groups";

    /// <summary>The long form of group claims, should a token handler map inbound claim types.</summary>
    private const string GroupsLong = "http://schemas.xmlsoap.org/claims/Group";

    private const string TenantIdLong = "http://schemas.microsoft.com/identity/claims/tenantid";
    private const string ObjectIdLong = "http://schemas.microsoft.com/identity/claims/objectidentifier";

    /// <summary>
    /// The domain's view of a signed-in user; null when nobody (or nobody with a stable identity) is signed in.
    /// Sessions belong to the identity: Entra's tenant and object ids, which never change hands (a user name or
    /// e-mail address can), or the local sign-in's <c>local:&lt;name&gt;</c>. Its groups are the <c>groups</c> claims.
    /// </summary>
    public static Actor? ToActor(this ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        if (principal.Identity is not { IsAuthenticated: true, Name: { Length: > 0 } name })
        {
            return null;
        }

        var tenant = principal.FindFirst("tid")?.Value ?? principal.FindFirst(TenantIdLong)?.Value;
        var user = principal.FindFirst("oid")?.Value ?? principal.FindFirst(ObjectIdLong)?.Value;
        var id = tenant is { Length: > 0 } && user is { Length: > 0 }
            ? $"entra:{tenant}/{user}"
            : principal.FindFirst(ClaimTypes.NameIdentifier)?.Value;
        var groups = principal.FindAll(c => c.Type is GroupsClaim or GroupsLong).Select(c => c.Value);
        return id is { Length: > 0 } ? new Actor(id, name, principal.IsInRole(Admin), groups) : null;
    }

    /// <summary>True for a user with either Portal app role (the only ones the portal serves).</summary>
    public static bool HasPortalRole(this ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        return principal.IsInRole(User) || principal.IsInRole(Admin);
    }

    /// <summary>The actor of a cascaded authentication state, for checks inside event handlers.</summary>
    public static async Task<Actor?> ToActorAsync(this Task<AuthenticationState>? state) =>
        state is null ? null : (await state).User.ToActor();

    /// <summary>The signed-in actor when they are an admin, else null: what every admin page's handler checks again.</summary>
    public static async Task<Actor?> ToAdminAsync(this Task<AuthenticationState>? state) =>
        await state.ToActorAsync() is { IsAdmin: true } admin ? admin : null;
}
