using System.Security.Claims;
using Microsoft.Extensions.Configuration;
using Portal.Web.Auth;

namespace Portal.Web.Tests.Auth;

public sealed class PortalRolesTests
{
    private static ClaimsPrincipal Principal(params Claim[] claims) =>
        new(new ClaimsIdentity(claims, "test", ClaimTypes.Name, ClaimTypes.Role));

    [Fact]
    public void An_entra_user_is_known_by_tenant_and_object_id_whatever_their_user_name()
    {
        var actor = Principal(
            new Claim(ClaimTypes.Name, "ada@contoso.example"),
            new Claim("http://schemas.microsoft.com/identity/claims/tenantid", "tenant-1"),
            new Claim("http://schemas.microsoft.com/identity/claims/objectidentifier", "object-1"),
            new Claim(ClaimTypes.Role, PortalRoles.Admin)).ToActor();

        Assert.NotNull(actor);
        Assert.Equal("entra:tenant-1/object-1", actor.Id);
        Assert.Equal("ada@contoso.example", actor.Name);
        Assert.True(actor.IsAdmin);
    }

    [Fact]
    public void A_local_user_is_known_by_the_name_identifier_the_sign_in_wrote()
    {
        var actor = Principal(new Claim(ClaimTypes.Name, "ada"), new Claim(ClaimTypes.NameIdentifier, "local:ada")).ToActor();

        Assert.Equal("local:ada", actor?.Id);
        Assert.False(actor?.IsAdmin);
    }

    [Fact]
    public void Nobody_without_a_stable_identity_is_an_actor()
    {
        Assert.Null(Principal(new Claim(ClaimTypes.Name, "ada")).ToActor());
        Assert.Null(new ClaimsPrincipal(new ClaimsIdentity()).ToActor());
    }

    [Fact]
    public void An_actors_groups_are_the_groups_claims_and_none_without_them()
    {
        var actor = Principal(
            new Claim(ClaimTypes.Name, "ada"), new Claim(ClaimTypes.NameIdentifier, "local:ada"),
            new Claim(PortalRoles.GroupsClaim, "team-a"), new Claim(PortalRoles.GroupsClaim, "0b7c2d9e-entra-group"), new Claim(PortalRoles.GroupsClaim, "team-a")).ToActor();

        Assert.Equal(["team-a", "0b7c2d9e-entra-group"], actor?.Groups);
        Assert.Empty(Principal(new Claim(ClaimTypes.Name, "bob"), new Claim(ClaimTypes.NameIdentifier, "local:bob")).ToActor()!.Groups);
    }

    [Fact]
    public void Local_users_groups_come_from_configuration_by_user_name()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["LocalSignIn:Groups:ada"] = "team-a, team-b,," })
            .Build();

        Assert.Equal(["team-a", "team-b"], AccountEndpoints.LocalGroups(configuration, "ada"));
        Assert.Empty(AccountEndpoints.LocalGroups(configuration, "bob"));
    }
}
