using System.Net;
using Portal.Web.Auth;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Auth;

public sealed class EntraSignInTests : IAsyncLifetime
{
    private const string UnknownSessionCost = "/api/v1/sessions/s-abcdefgh12/cost";
    private FakeOpenIdProvider _provider = null!;
    private EntraWebHost _host = null!;
    private HttpClient _client = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _provider = await FakeOpenIdProvider.StartAsync(Cancel);
        _host = new EntraWebHost(_provider);
        _client = _host.CreateClient();
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _host.DisposeAsync();
        await _provider.DisposeAsync();
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/sessions")]
    [InlineData("/sessions/s-abcdefgh12")]
    public async Task Anonymous_page_requests_are_challenged_at_the_provider(string path)
    {
        using var response = await _client.GetAsync(Relative(path), Cancel);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.Equal(_provider.AuthorizeEndpoint.GetLeftPart(UriPartial.Path), location.GetLeftPart(UriPartial.Path));
        var query = EntraFlow.Query(location);
        Assert.Equal(_provider.ClientId, query["client_id"]);
        Assert.Equal("https://localhost/signin-oidc", query["redirect_uri"]);
        Assert.Equal("code", query["response_type"]);
        Assert.Equal("form_post", query["response_mode"]);
        Assert.Contains("openid", query["scope"].Split(' '));
        Assert.False(string.IsNullOrEmpty(query["nonce"]));
        Assert.False(string.IsNullOrEmpty(query["state"]));
        Assert.Equal("S256", query["code_challenge_method"]);
        Assert.DoesNotContain(_provider.ClientSecret, location.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_api_answers_401_to_anonymous_callers_instead_of_redirecting()
    {
        using var response = await _client.GetAsync(Relative(UnknownSessionCost), Cancel);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task A_Portal_User_signs_in_and_sees_their_name_without_admin()
    {
        using var callback = await EntraFlow.SignInAsync(_client, "/sessions", Cancel);
        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        Assert.Equal("/sessions", callback.Headers.Location!.OriginalString);

        var html = await _client.GetStringAsync(Relative("/sessions"), Cancel);

        Assert.Empty(_provider.Refusals);
        Assert.Equal(1, _provider.TokensIssued);
        Assert.Contains("ada@contoso.example", html, StringComparison.Ordinal);
        Assert.DoesNotContain("(admin)", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_roles_claim_Portal_Admin_makes_an_admin()
    {
        _provider.Account = new FakeAccount("Grace Hopper", "grace@contoso.example", [FakeAccount.PortalAdmin]);

        using var callback = await EntraFlow.SignInAsync(_client, "/", Cancel);
        var html = await _client.GetStringAsync(Relative("/"), Cancel);

        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        Assert.Matches(@"data-testid=""signed-in-user"">\s*grace@contoso\.example\s*<span class=""portal-role"">\(admin\)</span>", html);
    }

    [Fact]
    public async Task A_signed_in_user_reaches_the_api_with_the_session_cookie()
    {
        using var callback = await EntraFlow.SignInAsync(_client, "/", Cancel);

        using var response = await _client.GetAsync(Relative(UnknownSessionCost), Cancel);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task An_account_without_a_Portal_role_is_refused_with_a_clear_page_and_no_session()
    {
        _provider.Account = new FakeAccount("Eve", "eve@contoso.example", []);

        using var callback = await EntraFlow.SignInAsync(_client, "/", Cancel);
        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        Assert.Equal("/account/no-role", callback.Headers.Location!.OriginalString);
        Assert.DoesNotContain(SetCookies(callback), c => c.StartsWith("portal.auth=", StringComparison.Ordinal));

        var page = await _client.GetStringAsync(Relative("/account/no-role"), Cancel);
        using var home = await _client.GetAsync(Relative("/"), Cancel);
        using var api = await _client.GetAsync(Relative(UnknownSessionCost), Cancel);

        Assert.Contains("Your account has no Portal role; ask an admin to assign Portal.User.", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.StartsWith(_provider.AuthorizeEndpoint.ToString(), home.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
    }

    [Fact]
    public async Task A_sign_in_the_provider_refuses_lands_on_the_sign_in_page_with_a_message()
    {
        await using var host = new EntraWebHost(_provider, new Dictionary<string, string?> { ["AzureAd:ClientSecret"] = "not-the-secret" });
        using var client = host.CreateClient();

        using var callback = await EntraFlow.SignInAsync(client, "/", Cancel);

        Assert.Equal(["token: wrong client id or secret"], _provider.Refusals);
        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        var location = callback.Headers.Location!.OriginalString;
        Assert.Equal("/signin?error=entra-failed", location);
        var page = await client.GetStringAsync(Relative(location), Cancel);
        Assert.Contains("Sign-in with Microsoft did not complete.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("not-the-secret", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/sessions", "/sessions")]
    [InlineData("https://evil.example/", "/")]
    [InlineData("//evil.example/", "/")]
    [InlineData("/\\evil.example", "/")]
    [InlineData("/\t/evil.example", "/")]
    [InlineData("/\n/evil.example", "/")]
    public async Task Sign_in_with_Microsoft_returns_only_to_portal_pages(string returnUrl, string expected)
    {
        using var challenge = await _client.GetAsync(Relative("/account/entra-signin?returnUrl=" + Uri.EscapeDataString(returnUrl)), Cancel);
        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);

        using var callback = await EntraFlow.FollowToPortalAsync(_client, challenge.Headers.Location!, Cancel);

        // Read the header as sent: a browser drops a tab or newline in it, so "/\t/evil.example" would leave the portal.
        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        var location = callback.Headers.NonValidated["Location"].ToString();
        Assert.Equal(_client.BaseAddress!.Host, BrowserUrl.Destination(new Uri(_client.BaseAddress, "/signin-oidc"), location).Host);
        Assert.Equal(expected, location);
    }

    [Fact]
    public async Task The_sign_in_page_offers_Microsoft_and_no_local_form()
    {
        var html = await _client.GetStringAsync(Relative("/signin?returnUrl=%2Fsessions"), Cancel);

        Assert.Contains(">Sign in with Microsoft</span></button>", html, StringComparison.Ordinal);
        Assert.Contains("action=\"/account/entra-signin\"", html, StringComparison.Ordinal);
        Assert.Contains("name=\"returnUrl\" value=\"/sessions\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"UserName\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("/account/signin\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Local_sign_in_answers_404_and_signs_nobody_in()
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["UserName"] = "mallory", ["Role"] = "Admin", ["ReturnUrl"] = "/" });

        using var response = await _client.PostAsync(Relative("/account/signin"), form, Cancel);
        using var api = await _client.GetAsync(Relative(UnknownSessionCost), Cancel);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(AccountEndpoints.LocalSignInOff, await response.Content.ReadAsStringAsync(Cancel));
        Assert.DoesNotContain(SetCookies(response), c => c.StartsWith("portal.auth=", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
    }

    [Fact]
    public async Task Sign_out_ends_the_portal_session_and_the_provider_session()
    {
        using var callback = await EntraFlow.SignInAsync(_client, "/", Cancel);
        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);

        using var signOut = await AccountForms.SignOutAsync(_client, Cancel);
        using var afterwards = await _client.GetAsync(Relative(UnknownSessionCost), Cancel);

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        var logout = signOut.Headers.Location!;
        Assert.StartsWith($"{_provider.Instance}{_provider.TenantId}/oauth2/v2.0/logout?", logout.ToString(), StringComparison.Ordinal);
        Assert.Equal("https://localhost/signout-callback-oidc", EntraFlow.Query(logout)["post_logout_redirect_uri"]);
        Assert.Contains(SetCookies(signOut), c => c.StartsWith("portal.auth=;", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Unauthorized, afterwards.StatusCode);

        using var provider = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        using var back = await provider.GetAsync(logout, Cancel);
        using var landing = await _client.GetAsync(back.Headers.Location!, Cancel);

        Assert.Equal(1, _provider.SignOuts);
        Assert.Equal(HttpStatusCode.Redirect, landing.StatusCode);
        Assert.Equal("/signin?signedOut=true", landing.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_sign_out_post_without_the_form_token_is_refused_and_the_user_stays_signed_in()
    {
        using var callback = await EntraFlow.SignInAsync(_client, "/", Cancel);

        using var signOut = await _client.PostAsync(Relative("/account/signout"), null, Cancel);
        using var afterwards = await _client.GetAsync(Relative(UnknownSessionCost), Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, signOut.StatusCode);
        Assert.Equal(0, _provider.SignOuts);
        Assert.DoesNotContain(SetCookies(signOut), c => c.StartsWith("portal.auth=", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound, afterwards.StatusCode);
    }

    [Fact]
    public async Task No_secret_code_or_token_reaches_the_log_even_when_configuration_asks_for_trace()
    {
        await using var host = new EntraWebHost(_provider, TraceEverything());
        using var client = host.CreateClient();
        using (await EntraFlow.SignInAsync(client, "/", Cancel))
        using (await AccountForms.SignOutAsync(client, Cancel))
        {
        }

        await using var wrongSecret = new EntraWebHost(_provider, new Dictionary<string, string?>(TraceEverything()) { ["AzureAd:ClientSecret"] = "not-the-secret" });
        using var wrongClient = wrongSecret.CreateClient();
        using (await EntraFlow.SignInAsync(wrongClient, "/", Cancel))
        {
        }

        var log = string.Join("\n", host.Logs.Lines.Concat(wrongSecret.Logs.Lines));
        Assert.Contains(host.Logs.Lines, line => line.StartsWith("Trace ", StringComparison.Ordinal));
        Assert.Contains("Entra sign-in failed: OpenIdConnectProtocolException", log, StringComparison.Ordinal);
        Assert.Equal(4, _provider.IssuedCredentials.Count); // code, access and id token of the sign-in; the code of the refused one
        Assert.DoesNotContain(_provider.ClientSecret, log, StringComparison.Ordinal);
        Assert.DoesNotContain("not-the-secret", log, StringComparison.Ordinal);
        Assert.All(_provider.IssuedCredentials, credential => Assert.DoesNotContain(credential, log, StringComparison.Ordinal));
    }

    /// <summary>What an operator chasing a problem might set: every category in appsettings.json at Trace.</summary>
    private static Dictionary<string, string?> TraceEverything() => new()
    {
        ["Logging:LogLevel:Default"] = "Trace",
        ["Logging:LogLevel:Microsoft"] = "Trace",
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace",
        ["Logging:LogLevel:Microsoft.AspNetCore.Authentication"] = "Trace",
        ["Logging:LogLevel:Microsoft.AspNetCore.Hosting.Diagnostics"] = "Trace",
        ["Logging:LogLevel:Microsoft.IdentityModel"] = "Trace",
        ["Logging:LogLevel:System.Net.Http.HttpClient"] = "Trace",
    };

    private static Uri Relative(string path) => new(path, UriKind.Relative);

    private static IEnumerable<string> SetCookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [];
}
