using System.Security.Claims;
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
}
