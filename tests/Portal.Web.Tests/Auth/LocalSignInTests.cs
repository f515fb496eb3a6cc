using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Auth;

public sealed class LocalSignInTests : IAsyncLifetime
{
    private readonly WebHost _host = new();
    private HttpClient _client = null!;

    private const string UnknownSessionCost = "/api/v1/sessions/s-abcdefgh12/cost";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        _client = _host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task Signing_in_returns_to_the_page_asked_for()
    {
        using var response = await AccountForms.LocalSignInAsync(_client, "ada", "User", "/sessions", Cancel);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/sessions", response.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("/\t/evil.example")]
    [InlineData("/\n/evil.example")]
    [InlineData("//evil.example/")]
    [InlineData("https://evil.example/")]
    public async Task A_return_url_that_a_browser_reads_as_another_host_lands_on_the_home_page(string returnUrl)
    {
        using var response = await AccountForms.LocalSignInAsync(_client, "ada", "User", returnUrl, Cancel);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Sign_out_from_the_app_bar_form_ends_the_session()
    {
        using (await AccountForms.LocalSignInAsync(_client, "ada", "User", "/", Cancel))
        {
        }

        using var signOut = await AccountForms.SignOutAsync(_client, Cancel);
        using var api = await _client.GetAsync(new Uri(UnknownSessionCost, UriKind.Relative), Cancel);

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal("/signin?signedOut=true", signOut.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
    }

    [Fact]
    public async Task A_sign_out_post_without_the_form_token_is_refused_and_the_user_stays_signed_in()
    {
        using (await AccountForms.LocalSignInAsync(_client, "ada", "User", "/", Cancel))
        {
        }

        // What another site's auto-submitting form would send: the cookie, but no token.
        using var signOut = await _client.PostAsync(new Uri("/account/signout", UriKind.Relative), new FormUrlEncodedContent([]), Cancel);
        using var api = await _client.GetAsync(new Uri(UnknownSessionCost, UriKind.Relative), Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
    }

    [Fact]
    public async Task A_refused_sign_in_keeps_only_a_local_return_url()
    {
        using var response = await AccountForms.LocalSignInAsync(_client, "ada lovelace", "User", "/\t/evil.example", Cancel);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", EntraFlow.Query(new Uri(new Uri("http://localhost"), response.Headers.Location!))["returnUrl"]);
    }

    [Fact]
    public async Task A_huge_user_name_or_return_url_is_not_echoed_into_the_location_header()
    {
        var huge = new string('a', 1_000_000);

        using var name = await AccountForms.LocalSignInAsync(_client, huge, "User", "/sessions", Cancel);
        using var returnUrl = await AccountForms.LocalSignInAsync(_client, "ada lovelace", "User", "/" + huge, Cancel);

        Assert.Equal(HttpStatusCode.Redirect, name.StatusCode);
        Assert.InRange(name.Headers.Location!.OriginalString.Length, 1, 512);
        Assert.Equal("/sessions", EntraFlow.Query(new Uri(new Uri("http://localhost"), name.Headers.Location!))["returnUrl"]);
        Assert.Equal(HttpStatusCode.Redirect, returnUrl.StatusCode);
        Assert.InRange(returnUrl.Headers.Location!.OriginalString.Length, 1, 512);
    }
}
