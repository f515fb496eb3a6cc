using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Mvc.Testing;
using Portal.Web.Auth;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Hosting;

/// <summary>The portal's own pages for the answers a browser would otherwise draw itself: 404, refused, signed out.</summary>
public sealed class PortalPagesHttpTests : IAsyncLifetime
{
    private readonly WebHost _host = new();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task An_unknown_address_answers_404_with_the_portals_not_found_page()
    {
        using var client = await ClientForAsync(SessionCookies.Principal("ada", PortalRoles.User));

        using var response = await client.GetAsync(new Uri("/no/such/page", UriKind.Relative), Cancel);
        var html = await response.Content.ReadAsStringAsync(Cancel);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Page not found", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"not-found-home\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_api_address_still_answers_without_the_page()
    {
        using var client = await ClientForAsync(SessionCookies.Principal("ada", PortalRoles.User));

        using var response = await client.GetAsync(new Uri("/api/v1/no-such-thing", UriKind.Relative), Cancel);
        var body = await response.Content.ReadAsStringAsync(Cancel);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("Page not found", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_user_without_the_admin_role_is_told_the_page_needs_it_not_sent_to_sign_in()
    {
        using var client = await ClientForAsync(SessionCookies.Principal("ada", PortalRoles.User));

        using var refused = await client.GetAsync(new Uri("/admin/regions", UriKind.Relative), Cancel);
        var location = refused.Headers.Location!;
        using var page = await client.GetAsync(location, Cancel);
        var html = await page.Content.ReadAsStringAsync(Cancel);

        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith(PortalAuthentication.NoRolePath, location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString, StringComparison.Ordinal);
        Assert.Contains("This page needs the Admin role", html, StringComparison.Ordinal);
        Assert.DoesNotContain("No access yet", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signing_out_lands_on_a_confirmation()
    {
        using var client = _host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using (await AccountForms.LocalSignInAsync(client, "ada", "User", "/", Cancel))
        {
        }

        using var signOut = await AccountForms.SignOutAsync(client, Cancel);
        var html = await client.GetStringAsync(signOut.Headers.Location, Cancel);

        Assert.Contains("You have signed out.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_favicon_is_served_and_linked_from_every_page()
    {
        using var client = _host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var signIn = await client.GetStringAsync(new Uri("/signin", UriKind.Relative), Cancel);
        using var icon = await client.GetAsync(new Uri("/favicon.svg", UriKind.Relative), Cancel);

        Assert.Matches("<link rel=\"icon\"[^>]*href=\"[^\"]*favicon[^\"]*\\.svg\"", signIn);
        Assert.Equal(HttpStatusCode.OK, icon.StatusCode);
        Assert.Equal("image/svg+xml", icon.Content.Headers.ContentType?.MediaType);
    }

    private async Task<HttpClient> ClientForAsync(ClaimsPrincipal principal)
    {
        var client = _host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Add("Cookie", await SessionCookies.ForAsync(_host, principal));
        return client;
    }
}
