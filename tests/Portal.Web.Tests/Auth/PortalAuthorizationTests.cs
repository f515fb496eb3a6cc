using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Mvc.Testing;
using Portal.Web.Auth;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Auth;

/// <summary>
/// <c>[Authorize]</c> pages and <c>RequireAuthorization()</c> endpoints use the default policy: it must ask for a
/// Portal role like the fallback policy does, not just for a signed-in user.
/// </summary>
public sealed class PortalAuthorizationTests
{
    private const string UnknownSessionCost = "/api/v1/sessions/s-abcdefgh12/cost";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Local_mode_a_signed_in_principal_without_a_Portal_role_gets_403_from_the_api_and_no_page()
    {
        await using var portal = new WebHost();
        using var client = await ClientForAsync(portal, SessionCookies.Principal("eve"));

        using var api = await client.GetAsync(new Uri(UnknownSessionCost, UriKind.Relative), Cancel);
        using var page = await client.GetAsync(new Uri("/sessions", UriKind.Relative), Cancel);

        Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith(PortalAuthentication.NoRolePath, PathOf(page.Headers.Location!), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/sessions")]
    [InlineData("/sessions/s-abcdefgh12")]
    public async Task Entra_mode_a_signed_in_principal_without_a_Portal_role_is_sent_to_the_no_role_page(string path)
    {
        await using var provider = await FakeOpenIdProvider.StartAsync(Cancel);
        await using var portal = new EntraWebHost(provider);
        using var client = await ClientForAsync(portal, SessionCookies.Principal("eve@contoso.example"));

        using var api = await client.GetAsync(new Uri(UnknownSessionCost, UriKind.Relative), Cancel);
        using var page = await client.GetAsync(new Uri(path, UriKind.Relative), Cancel);

        Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith(PortalAuthentication.NoRolePath, PathOf(page.Headers.Location!), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_principal_with_a_Portal_role_reaches_the_api_and_the_pages()
    {
        await using var portal = new WebHost();
        using var client = await ClientForAsync(portal, SessionCookies.Principal("ada", PortalRoles.User));

        using var api = await client.GetAsync(new Uri(UnknownSessionCost, UriKind.Relative), Cancel);
        using var page = await client.GetAsync(new Uri("/sessions", UriKind.Relative), Cancel);

        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    private static string PathOf(Uri location) => location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;

    private static async Task<HttpClient> ClientForAsync(WebApplicationFactory<Program> portal, ClaimsPrincipal principal)
    {
        var client = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Add("Cookie", await SessionCookies.ForAsync(portal, principal));
        return client;
    }
}
