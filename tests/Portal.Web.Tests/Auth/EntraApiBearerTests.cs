using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Sessions;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Auth;

/// <summary>Auth:Mode=Entra: programs call the API with an Entra access token (JWT bearer) or a personal API token.</summary>
public sealed class EntraApiBearerTests : IAsyncLifetime
{
    private FakeOpenIdProvider _provider = null!;
    private EntraWebHost _host = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _provider = await FakeOpenIdProvider.StartAsync(Ct);
        _host = new EntraWebHost(_provider);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        await _provider.DisposeAsync();
    }

    [Fact]
    public async Task The_jwt_bearer_scheme_is_registered()
    {
        var schemes = _host.Services.GetRequiredService<IAuthenticationSchemeProvider>();

        Assert.NotNull(await schemes.GetSchemeAsync(JwtBearerDefaults.AuthenticationScheme));
    }

    [Theory]
    [InlineData("eyJhbGciOiJub25lIn0.eyJzdWIiOiJhZGEifQ.")]
    [InlineData("eyJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJ4In0.c2lnbmF0dXJl")]
    public async Task A_jwt_the_portal_did_not_get_from_entra_is_401_problem_details(string jwt)
    {
        using var client = _host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", jwt);

        using var response = await client.GetAsync(new Uri("/api/v1/sessions", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_personal_api_token_works_in_entra_mode_too()
    {
        var owner = new Actor("entra:tenant/ada", "ada@contoso.example", false);
        var token = await ApiCallers.CreateTokenAsync(_host, owner);
        using var client = _host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Secret);

        using var response = await client.GetAsync(new Uri("/api/v1/sessions", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private HttpClient WithJwt(string jwt)
    {
        var client = _host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", jwt);
        return client;
    }

    [Fact]
    public async Task A_valid_entra_access_token_acts_as_its_account_with_its_tenant_and_object_id()
    {
        var account = new FakeAccount("Ada Lovelace", "ada@contoso.example", [FakeAccount.PortalUser]);
        using var client = WithJwt(_provider.AccessToken(account, groups: ["team-a"]));

        using var launch = await client.PostAsJsonAsync("/api/v1/sessions", Api.SessionsApiTests.Body("entra-1"), Ct);

        Assert.Equal(HttpStatusCode.Created, launch.StatusCode);
        var owner = new Actor($"entra:{_provider.TenantId}/{account.ObjectId}", account.PreferredUserName, false);
        var mine = await _host.Services.GetRequiredService<ISessionService>().ListAsync(owner, false, Ct);
        var session = Assert.Single(mine);
        Assert.Equal(["team-a"], session.OwnerGroups);
        using var everyone = await client.GetAsync(new Uri("/api/v1/sessions?all=true", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.Forbidden, everyone.StatusCode);
    }

    [Fact]
    public async Task An_entra_admins_access_token_opens_the_admin_api()
    {
        var account = new FakeAccount("Grace Hopper", "grace@contoso.example", [FakeAccount.PortalAdmin]);
        using var client = WithJwt(_provider.AccessToken(account));

        using var response = await client.GetAsync(new Uri("/api/v1/admin/audit", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("wrong-audience")]
    [InlineData("expired")]
    [InlineData("no-portal-role")]
    public async Task An_entra_access_token_for_another_app_expired_or_without_a_portal_role_opens_nothing(string flaw)
    {
        var account = new FakeAccount("Ada Lovelace", "ada@contoso.example", flaw == "no-portal-role" ? ["Other.Role"] : [FakeAccount.PortalUser]);
        var jwt = flaw switch
        {
            "wrong-audience" => _provider.AccessToken(account, audience: Guid.NewGuid().ToString()),
            "expired" => _provider.AccessToken(account, expiresIn: TimeSpan.FromMinutes(-10)),
            _ => _provider.AccessToken(account),
        };
        using var client = WithJwt(jwt);

        using var response = await client.GetAsync(new Uri("/api/v1/sessions", UriKind.Relative), Ct);

        Assert.Equal(flaw == "no-portal-role" ? HttpStatusCode.Forbidden : HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task An_entra_access_token_without_the_admin_role_takes_it_from_the_accounts_api_tokens()
    {
        var account = new FakeAccount("Grace Hopper", "grace@contoso.example", [FakeAccount.PortalAdmin]);
        var owner = new Actor($"entra:{_provider.TenantId}/{account.ObjectId}", account.PreferredUserName, true);
        var token = await ApiCallers.CreateTokenAsync(_host, owner);
        using var pat = _host.CreateClient();
        pat.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Secret);
        Assert.Equal(HttpStatusCode.OK, (await pat.GetAsync(new Uri("/api/v1/admin/audit", UriKind.Relative), Ct)).StatusCode);

        // The directory took Portal.Admin away; the next access token says so.
        using var demoted = WithJwt(_provider.AccessToken(account with { Roles = [FakeAccount.PortalUser] }));
        Assert.Equal(HttpStatusCode.OK, (await demoted.GetAsync(new Uri("/api/v1/sessions", UriKind.Relative), Ct)).StatusCode);

        Assert.Equal(HttpStatusCode.Forbidden, (await pat.GetAsync(new Uri("/api/v1/admin/audit", UriKind.Relative), Ct)).StatusCode);
    }

    [Fact]
    public async Task An_api_call_without_credentials_is_401_not_a_redirect_to_entra()
    {
        using var client = _host.CreateClient();

        using var response = await client.GetAsync(new Uri("/api/v1/regions", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
