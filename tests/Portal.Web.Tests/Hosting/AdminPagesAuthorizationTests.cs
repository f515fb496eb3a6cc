using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Mvc.Testing;
using Portal.Web.Auth;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Hosting;

/// <summary>
/// The authorization matrix of the admin area over HTTP: every admin page for nobody (sent to sign in), a plain user and
/// another plain user (refused before the page renders) and an admin (the page, or for <c>/admin</c> its first page).
/// The admin area has no API endpoint of its own; its handlers are checked again in the page tests.
/// </summary>
public sealed class AdminPagesAuthorizationTests : IAsyncLifetime
{
    public static readonly TheoryData<string> AdminPages = new("/admin", "/admin/sessions", "/admin/account", "/admin/regions", "/admin/quotas", "/admin/budgets", "/admin/datasets");

    private readonly WebHost _host = new();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [MemberData(nameof(AdminPages))]
    public async Task Nobody_signed_in_is_sent_to_sign_in(string path)
    {
        using var client = _host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), Cancel);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/signin", PathOf(response.Headers.Location!), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(AdminPages))]
    public async Task A_plain_user_is_refused_before_the_page_renders(string path)
    {
        foreach (var user in new[] { "ada", "alan" })
        {
            using var client = await ClientForAsync(SessionCookies.Principal(user, PortalRoles.User));

            using var response = await client.GetAsync(new Uri(path, UriKind.Relative), Cancel);
            var body = await response.Content.ReadAsStringAsync(Cancel);

            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith(PortalAuthentication.NoRolePath, PathOf(response.Headers.Location!), StringComparison.Ordinal);
            Assert.DoesNotContain("admin-nav", body, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("/admin/sessions", "All sessions", "admin-sessions-table")]
    [InlineData("/admin/account", "Account", "account-sandbox")]
    [InlineData("/admin/regions", "Regions", "regions-table")]
    [InlineData("/admin/quotas", "Quotas", "limits-table")]
    [InlineData("/admin/budgets", "Budgets", "budgets-config-note")]
    [InlineData("/admin/datasets", "Datasets", "datasets-table")]
    public async Task An_admin_gets_the_page_with_the_admin_navigation(string path, string heading, string testId)
    {
        using var client = await ClientForAsync(SessionCookies.Principal("grace", PortalRoles.Admin));

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), Cancel);
        var html = await response.Content.ReadAsStringAsync(Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"<h1 class=\"portal-title\">{heading}</h1>", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"admin-nav\"", html, StringComparison.Ordinal);
        Assert.Contains($"data-testid=\"{testId}\"", html, StringComparison.Ordinal);
        foreach (var link in new[] { "/admin/sessions", "/admin/regions", "/admin/quotas", "/admin/budgets", "/admin/datasets", "/admin/audit", "/admin/account" })
        {
            Assert.Contains($"href=\"{link}\"", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task An_admin_opening_admin_is_sent_to_the_sessions_page()
    {
        using var client = await ClientForAsync(SessionCookies.Principal("grace", PortalRoles.Admin));

        using var response = await client.GetAsync(new Uri("/admin", UriKind.Relative), Cancel);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin/sessions", PathOf(response.Headers.Location!));
    }

    private static string PathOf(Uri location) => location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;

    private async Task<HttpClient> ClientForAsync(ClaimsPrincipal principal)
    {
        var client = _host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Add("Cookie", await SessionCookies.ForAsync(_host, principal));
        return client;
    }
}
