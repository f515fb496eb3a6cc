using System.Net;
using System.Security.Claims;
using Bunit;
using Bunit.TestDoubles;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using Portal.Domain.Accounts;
using Portal.Web.Auth;
using Portal.Web.Components.Pages.Account;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Components.Pages.Account;

/// <summary>The "API tokens" page on the portal's real token store: a token it makes opens the API, one it revokes no longer does.</summary>
public sealed class ApiTokensPageTests : BunitContext
{
    private readonly WebHost _host = new();
    private readonly BunitAuthorizationContext _auth;

    public ApiTokensPageTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddSingleton(_host.Services.GetRequiredService<IApiTokens>());
        Services.AddSingleton(TimeProvider.System);
        _auth = AddAuthorization();
        SignIn("ada", PortalRoles.User);
        SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));
    }

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    private void SignIn(string name, params string[] roles)
    {
        _auth.SetAuthorized(name);
        _auth.SetRoles(roles);
        _auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, "local:" + name));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        _host.Dispose();
    }

    [Fact]
    public async Task A_new_token_is_shown_once_listed_and_opens_the_api()
    {
        var cut = Render<ApiTokens>();
        cut.Find("input[data-testid=token-name]").Change("laptop");

        cut.Find("[data-testid=token-create]").Click();

        var secret = cut.WaitForElement("[data-testid=token-secret]").TextContent;
        Assert.StartsWith(ApiToken.Prefix, secret, StringComparison.Ordinal);
        Assert.Single(cut.FindAll("[data-testid=tokens-table] tbody tr"));
        Assert.Contains("laptop", cut.Find("[data-testid=tokens-table] tbody tr").TextContent, StringComparison.Ordinal);
        using var client = ApiCallers.WithToken(_host, secret);
        using var response = await client.GetAsync("/api/v1/sessions", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        // Shown once: a new page view lists the token but never its secret.
        var again = Render<ApiTokens>();
        Assert.Empty(again.FindAll("[data-testid=token-secret]"));
        Assert.DoesNotContain(secret, again.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void A_token_without_a_name_is_refused_with_a_message()
    {
        var cut = Render<ApiTokens>();

        cut.Find("[data-testid=token-create]").Click();

        Assert.Contains("name", cut.WaitForElement("[data-testid=token-problem]").TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid=token-secret]"));
    }

    [Fact]
    public async Task Revoking_a_token_shuts_the_api_to_it()
    {
        var created = await ApiCallers.CreateTokenAsync(_host, ApiCallers.Ada);
        var cut = Render<ApiTokens>();

        cut.Find($"[data-testid=token-{created.Token.Id}] [data-testid=token-revoke]").Click();

        cut.WaitForAssertion(() => Assert.Equal("Revoked", cut.Find($"[data-testid=token-{created.Token.Id}] [data-testid=token-state]").TextContent));
        using var client = ApiCallers.WithToken(_host, created.Secret);
        using var response = await client.GetAsync("/api/v1/sessions", Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Users_see_only_their_own_tokens_and_no_switch_for_everyones()
    {
        await ApiCallers.CreateTokenAsync(_host, ApiCallers.Bob);

        var cut = Render<ApiTokens>();

        Assert.NotNull(cut.Find("[data-testid=no-tokens]"));
        Assert.Empty(cut.FindAll("[data-testid=tokens-everyone]"));
    }

    [Fact]
    public async Task Admins_list_and_revoke_anyones_tokens()
    {
        SignIn("root", PortalRoles.User, PortalRoles.Admin);
        var bobs = await ApiCallers.CreateTokenAsync(_host, ApiCallers.Bob);
        var cut = Render<ApiTokens>();

        cut.Find("input[data-testid=tokens-everyone]").Change(true);
        cut.WaitForElement($"[data-testid=token-{bobs.Token.Id}] [data-testid=token-revoke]").Click();

        cut.WaitForAssertion(() => Assert.Equal("Revoked", cut.Find($"[data-testid=token-{bobs.Token.Id}] [data-testid=token-state]").TextContent));
        Assert.Contains("revoked", (await _host.Services.GetRequiredService<IApiTokens>().CheckAsync(bobs.Secret, Ct)).Problem, StringComparison.Ordinal);
    }
}
