using System.Net;
using System.Net.Http.Headers;
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

    [Fact]
    public async Task An_api_call_without_credentials_is_401_not_a_redirect_to_entra()
    {
        using var client = _host.CreateClient();

        using var response = await client.GetAsync(new Uri("/api/v1/regions", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
