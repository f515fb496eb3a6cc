using Microsoft.AspNetCore.Authorization;

namespace Portal.Web.Auth;

/// <summary>The API's authorization policies beyond the default (a signed-in user with a Portal role).</summary>
internal static class ApiPolicies
{
    /// <summary>Calls that change something: a Portal user, and not through a read-only API token.</summary>
    public const string Write = "Portal.Api.Write";

    /// <summary>The admin API (<c>/api/v1/admin</c>): the admin role, by sign-in or token.</summary>
    public const string Admin = "Portal.Api.Admin";

    public static AuthorizationBuilder AddApiPolicies(this AuthorizationBuilder builder) =>
        builder.AddPolicy(Admin, policy => policy.RequireAuthenticatedUser().RequireRole(PortalRoles.Admin))
        .AddPolicy(Write, policy => policy
            .RequireAuthenticatedUser()
            .RequireRole(PortalRoles.User, PortalRoles.Admin)
            .RequireAssertion(context => !context.User.HasClaim(ApiTokenAuthenticationHandler.ScopeClaim, ApiTokenAuthenticationHandler.ReadScope)));
}
