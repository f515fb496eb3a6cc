using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Accounts;
using Portal.Domain.Audit;
using Portal.Domain.Sessions;
using Portal.Web.Tests.Support;
using static Portal.Web.Tests.Support.ApiCallers;

namespace Portal.Web.Tests.Api;

/// <summary><c>Authorization: Bearer portal_pat_...</c>: who a token is, and every way it stops working.</summary>
public sealed class ApiTokenAuthenticationTests : IAsyncLifetime
{
    private readonly WebHost _host = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    private static async Task<JsonElement> Json(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.Clone();

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string detail)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(detail, (await Json(response)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_acts_as_its_owner_with_their_groups()
    {
        var token = await CreateTokenAsync(_host, Ada);
        using var client = WithToken(_host, token.Secret);

        using var launch = await client.PostAsJsonAsync("/api/v1/sessions", SessionsApiTests.Body("t-1"), Ct);

        Assert.Equal(HttpStatusCode.Created, launch.StatusCode);
        var id = SessionId.Parse((await Json(launch)).GetProperty("id").GetString()!);
        var session = await _host.Services.GetRequiredService<ISessionService>().FindAsync(Ada, id, Ct);
        Assert.Equal(Ada.Id, session!.Owner);
        Assert.Equal(["team-a"], session.OwnerGroups);
    }

    [Fact]
    public async Task The_secret_is_stored_only_as_a_hash()
    {
        var token = await CreateTokenAsync(_host, Ada);

        Assert.StartsWith(ApiToken.Prefix, token.Secret, StringComparison.Ordinal);
        Assert.True(token.Secret.Length >= ApiToken.Prefix.Length + 40);
        var secret = System.Text.Encoding.UTF8.GetBytes(token.Secret);
        var files = Directory.GetFiles(_host.DataDirectory, "portal.db*");
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            // The database and its journal (WAL) alike.
            Assert.Equal(-1, File.ReadAllBytes(file).AsSpan().IndexOf(secret));
        }
    }

    [Fact]
    public async Task An_expired_token_is_refused_with_a_problem_saying_so()
    {
        var token = await CreateTokenAsync(_host, Ada);
        await ExpireAsync(_host, token.Token.Id);
        using var client = WithToken(_host, token.Secret);

        using var response = await client.GetAsync("/api/v1/sessions", Ct);

        await AssertProblemAsync(response, HttpStatusCode.Unauthorized, "expired");
    }

    [Fact]
    public async Task A_revoked_token_is_refused_and_the_revocation_is_audited()
    {
        var token = await CreateTokenAsync(_host, Ada);
        Assert.True(await _host.Services.GetRequiredService<IApiTokens>().RevokeAsync(Ada, token.Token.Id, Ct));
        using var client = WithToken(_host, token.Secret);

        using var response = await client.GetAsync("/api/v1/sessions", Ct);

        await AssertProblemAsync(response, HttpStatusCode.Unauthorized, "revoked");
        var audit = await _host.Services.GetRequiredService<IAuditLog>().ListAsync(AuditFilter.None, 0, 10, Ct);
        Assert.Contains(audit.Entries, e => e.Action == AuditActions.TokenRevoke && e.ObjectId == token.Token.Id);
        Assert.Contains(audit.Entries, e => e.Action == AuditActions.TokenCreate && e.ObjectId == token.Token.Id);
    }

    [Theory]
    [InlineData("portal_pat_forged0000000000000000000000000000000000")]
    [InlineData("portal_pat_")]
    public async Task An_unknown_token_is_refused(string secret)
    {
        using var client = WithToken(_host, secret);

        using var response = await client.GetAsync("/api/v1/regions", Ct);

        await AssertProblemAsync(response, HttpStatusCode.Unauthorized, "not valid");
    }

    [Fact]
    public async Task A_read_token_reads_but_cannot_change_anything()
    {
        var token = await CreateTokenAsync(_host, Ada, ApiTokenScope.Read);
        using var client = WithToken(_host, token.Secret);

        using var list = await client.GetAsync("/api/v1/sessions", Ct);
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);

        using var launch = await client.PostAsJsonAsync("/api/v1/sessions", SessionsApiTests.Body("r-1"), Ct);
        await AssertProblemAsync(launch, HttpStatusCode.Forbidden, "read-only");
        Assert.Empty(await _host.Services.GetRequiredService<ISessionService>().ListAsync(Ada, false, Ct));
    }

    [Fact]
    public async Task Only_an_admins_token_carries_the_admin_role()
    {
        var adas = await CreateTokenAsync(_host, Ada);
        var roots = await CreateTokenAsync(_host, Root);
        using var ada = WithToken(_host, adas.Secret);
        using var root = WithToken(_host, roots.Secret);

        using var refused = await ada.GetAsync("/api/v1/sessions?all=true", Ct);
        using var allowed = await root.GetAsync("/api/v1/sessions?all=true", Ct);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
    }

    [Fact]
    public async Task An_admins_token_loses_the_admin_role_when_its_owner_next_signs_in_without_it()
    {
        var roots = await CreateTokenAsync(_host, Root);
        using var root = WithToken(_host, roots.Secret);
        using var before = await root.GetAsync("/api/v1/sessions?all=true", Ct);
        Assert.Equal(HttpStatusCode.OK, before.StatusCode);

        // The directory took the role away: root's next sign-in says User only.
        using var browser = Anonymous(_host);
        using var signIn = await AccountForms.LocalSignInAsync(browser, Root.Name, "User", "/", Ct);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);

        using var after = await root.GetAsync("/api/v1/sessions?all=true", Ct);
        Assert.Equal(HttpStatusCode.Forbidden, after.StatusCode);
        using var own = await root.GetAsync("/api/v1/sessions", Ct);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);

        // Signing in as an admin again gives the token its role back, never more than it was made with.
        using var otherBrowser = Anonymous(_host);
        using var again = await AccountForms.LocalSignInAsync(otherBrowser, Root.Name, "Admin", "/", Ct);
        using var restored = await root.GetAsync("/api/v1/sessions?all=true", Ct);
        Assert.Equal(HttpStatusCode.OK, restored.StatusCode);
    }

    [Fact]
    public async Task A_users_token_never_gains_the_admin_role_from_a_later_admin_sign_in()
    {
        var adas = await CreateTokenAsync(_host, Ada);
        using var browser = Anonymous(_host);
        using var signIn = await AccountForms.LocalSignInAsync(browser, Ada.Name, "Admin", "/", Ct);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        using var ada = WithToken(_host, adas.Secret);

        using var response = await ada.GetAsync("/api/v1/sessions?all=true", Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task A_token_opens_no_page()
    {
        var token = await CreateTokenAsync(_host, Ada);
        using var client = WithToken(_host, token.Secret);

        using var response = await client.GetAsync("/sessions", Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/signin", response.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Users_revoke_only_their_own_tokens_and_admins_anyones()
    {
        var tokens = _host.Services.GetRequiredService<IApiTokens>();
        var adas = await CreateTokenAsync(_host, Ada);

        Assert.False(await tokens.RevokeAsync(Bob, adas.Token.Id, Ct));
        Assert.Null((await tokens.CheckAsync(adas.Secret, Ct)).Problem);
        Assert.True(await tokens.RevokeAsync(Root, adas.Token.Id, Ct));
        Assert.Contains("revoked", (await tokens.CheckAsync(adas.Secret, Ct)).Problem, StringComparison.Ordinal);
        Assert.Empty(await tokens.ListAsync(Bob, everyone: true, Ct));
        Assert.Single(await tokens.ListAsync(Root, everyone: true, Ct));
    }

    [Theory]
    [InlineData("", 30)]
    [InlineData("laptop", 0)]
    [InlineData("laptop", 91)]
    public async Task A_token_needs_a_name_and_a_lifetime_of_1_to_90_days(string name, int days)
    {
        var result = await _host.Services.GetRequiredService<IApiTokens>().CreateAsync(Ada, name, ApiTokenScope.Read, days, Ct);

        Assert.Null(result.Created);
        Assert.NotNull(result.Problem);
    }
}
