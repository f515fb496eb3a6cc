using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Portal.Web.Auth;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Auth;

public sealed class EntraConfigurationTests : IAsyncLifetime
{
    private FakeOpenIdProvider _provider = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _provider = await FakeOpenIdProvider.StartAsync(Cancel);

    public async ValueTask DisposeAsync() => await _provider.DisposeAsync();

    [Theory]
    [InlineData("AzureAd:TenantId")]
    [InlineData("AzureAd:ClientId")]
    [InlineData("AzureAd:ClientSecret")]
    public async Task Startup_fails_naming_the_missing_key(string key)
    {
        await using var host = new EntraWebHost(_provider, new Dictionary<string, string?> { [key] = null });

        var message = StartupFailure(host);

        Assert.Contains($"{key} is missing", message, StringComparison.Ordinal);
        Assert.Contains("Auth:Mode=Entra", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Startup_names_every_missing_key_and_never_the_secret()
    {
        await using var host = new EntraWebHost(_provider, new Dictionary<string, string?> { ["AzureAd:TenantId"] = null, ["AzureAd:ClientId"] = null });

        var message = StartupFailure(host);

        Assert.Contains("AzureAd:TenantId is missing", message, StringComparison.Ordinal);
        Assert.Contains("AzureAd:ClientId is missing", message, StringComparison.Ordinal);
        Assert.DoesNotContain("AzureAd:ClientSecret", message, StringComparison.Ordinal);
        Assert.DoesNotContain(_provider.ClientSecret, message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_secret_in_ClientCredentials_is_accepted_like_ClientSecret()
    {
        await using var host = new EntraWebHost(_provider, new Dictionary<string, string?>
        {
            ["AzureAd:ClientSecret"] = null,
            ["AzureAd:ClientCredentials:0:SourceType"] = "ClientSecret",
            ["AzureAd:ClientCredentials:0:ClientSecret"] = _provider.ClientSecret,
        });
        using var client = host.CreateClient();

        using var callback = await EntraFlow.SignInAsync(client, "/", Cancel);

        Assert.Empty(_provider.Refusals);
        Assert.Equal("/", callback.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_certificate_without_a_secret_is_refused_at_startup_with_the_reason()
    {
        await using var host = new EntraWebHost(_provider, new Dictionary<string, string?>
        {
            ["AzureAd:ClientSecret"] = null,
            ["AzureAd:ClientCertificates:0:SourceType"] = "KeyVault",
        });

        var message = StartupFailure(host);

        Assert.Contains("AzureAd:ClientSecret is missing", message, StringComparison.Ordinal);
        Assert.Contains("does not support client certificates", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("common")]
    [InlineData("organizations")]
    public async Task A_multi_tenant_authority_is_refused_at_startup(string tenant)
    {
        await using var host = new EntraWebHost(_provider, new Dictionary<string, string?> { ["AzureAd:TenantId"] = tenant });

        var message = StartupFailure(host);

        Assert.Contains($"AzureAd:TenantId is '{tenant}'", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_mode_fails_at_startup()
    {
        await using var host = new WebHost(new Dictionary<string, string?> { ["Auth:Mode"] = "Okta" });

        var message = StartupFailure(host);

        Assert.Contains("Configuration 'Auth:Mode' is 'Okta'; use 'Local' or 'Entra'.", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Production_settings_use_the_code_flow_with_https_metadata_and_role_claims()
    {
        await using var host = new EntraWebHost(_provider, new Dictionary<string, string?> { ["AzureAd:Instance"] = "https://login.example.test/" }, testOverrides: false);

        var options = OpenIdConnect(host);

        Assert.Equal($"https://login.example.test/{_provider.TenantId}/v2.0", options.Authority);
        Assert.Equal(_provider.ClientId, options.ClientId);
        Assert.Equal(_provider.ClientSecret, options.ClientSecret);
        Assert.True(options.RequireHttpsMetadata);
        Assert.Equal("code", options.ResponseType);
        Assert.Equal("form_post", options.ResponseMode);
        Assert.True(options.UsePkce);
        Assert.False(options.SaveTokens);
        Assert.Equal("/signin-oidc", options.CallbackPath);
        Assert.Equal("/signout-callback-oidc", options.SignedOutCallbackPath);
        Assert.Equal("preferred_username", options.TokenValidationParameters.NameClaimType);
        Assert.Equal(ClaimTypes.Role, options.TokenValidationParameters.RoleClaimType);
        Assert.NotNull(options.TokenValidationParameters.IssuerValidator);
    }

    [Fact]
    public async Task Without_AzureAd_Instance_the_portal_signs_in_at_login_microsoftonline_com()
    {
        await using var host = new EntraWebHost(_provider, new Dictionary<string, string?> { ["AzureAd:Instance"] = null }, testOverrides: false);

        Assert.Equal($"https://login.microsoftonline.com/{_provider.TenantId}/v2.0", OpenIdConnect(host).Authority);
    }

    [Fact]
    public async Task Production_settings_refuse_provider_metadata_over_plain_http()
    {
        await using var host = new EntraWebHost(_provider, testOverrides: false);

        var error = Assert.Throws<InvalidOperationException>(() => OpenIdConnect(host));

        Assert.Contains("must use HTTPS", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Behind_the_load_balancer_the_redirect_uri_is_https()
    {
        await using var host = new EntraWebHost(_provider, new Dictionary<string, string?> { ["ForwardedHeaders_Enabled"] = "true" });
        using var client = host.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://portal.example"), AllowAutoRedirect = false });

        using var direct = await client.GetAsync(new Uri("/", UriKind.Relative), Cancel);
        using var forwarded = new HttpRequestMessage(HttpMethod.Get, new Uri("/", UriKind.Relative));
        forwarded.Headers.Add("X-Forwarded-Proto", "https");
        forwarded.Headers.Add("X-Forwarded-For", "203.0.113.7");
        using var viaBalancer = await client.SendAsync(forwarded, Cancel);

        Assert.Equal("http://portal.example/signin-oidc", EntraFlow.Query(direct.Headers.Location!)["redirect_uri"]);
        Assert.Equal("https://portal.example/signin-oidc", EntraFlow.Query(viaBalancer.Headers.Location!)["redirect_uri"]);
    }

    [Fact]
    public async Task Entra_sign_in_starts_on_all_interfaces_because_the_loopback_guard_does_not_apply()
    {
        await using var host = new EntraWebHost(_provider);
        host.UseKestrel(options => options.ListenAnyIP(0));

        host.StartServer();

        Assert.True(host.Services.GetRequiredService<IOptions<AuthOptions>>().Value.IsEntra);
    }

    [Fact]
    public void An_Entra_principal_with_app_roles_is_an_admin_actor()
    {
        // As the handler leaves an Entra ID token: tenant and object id (the identity), user name, app roles.
        var identity = new ClaimsIdentity(
            [
                new("preferred_username", "grace@contoso.example"),
                new("http://schemas.microsoft.com/identity/claims/tenantid", "tenant-1"),
                new("http://schemas.microsoft.com/identity/claims/objectidentifier", "object-1"),
                new(ClaimTypes.Role, PortalRoles.User),
                new(ClaimTypes.Role, PortalRoles.Admin),
            ],
            "AuthenticationTypes.Federation",
            "preferred_username",
            ClaimTypes.Role);
        var principal = new ClaimsPrincipal(identity);

        var actor = principal.ToActor();

        Assert.Null(EntraSignInEvents.Refusal(principal));
        Assert.NotNull(actor);
        Assert.Equal("entra:tenant-1/object-1", actor.Id);
        Assert.Equal("grace@contoso.example", actor.Name);
        Assert.True(actor.IsAdmin);
    }

    [Fact]
    public void Accounts_without_a_role_or_a_user_name_are_refused()
    {
        var noRole = new ClaimsPrincipal(new ClaimsIdentity([new("preferred_username", "eve@contoso.example")], "Federation", "preferred_username", ClaimTypes.Role));
        var noName = new ClaimsPrincipal(new ClaimsIdentity([new(ClaimTypes.Role, PortalRoles.User)], "Federation", "preferred_username", ClaimTypes.Role));

        var noObjectId = new ClaimsPrincipal(new ClaimsIdentity(
            [new("preferred_username", "eve@contoso.example"), new("tid", "tenant-1"), new(ClaimTypes.Role, PortalRoles.User)],
            "Federation",
            "preferred_username",
            ClaimTypes.Role));

        Assert.Equal("/account/no-role", EntraSignInEvents.Refusal(noRole)?.RedirectTo);
        Assert.Equal("/signin?error=entra-no-user-name", EntraSignInEvents.Refusal(noName)?.RedirectTo);
        Assert.Equal("/signin?error=entra-no-user-name", EntraSignInEvents.Refusal(noObjectId)?.RedirectTo);
    }

    private static OpenIdConnectOptions OpenIdConnect(EntraWebHost host) =>
        host.Services.GetRequiredService<IOptionsMonitor<OpenIdConnectOptions>>().Get(OpenIdConnectDefaults.AuthenticationScheme);

    private static string StartupFailure(WebApplicationFactory<Program> host)
    {
        var error = Assert.ThrowsAny<Exception>(() => host.Services);
        var messages = new List<string>();
        for (var e = error; e is not null; e = e.InnerException)
        {
            messages.Add(e.Message);
        }

        return string.Join(" | ", messages);
    }
}
