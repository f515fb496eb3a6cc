using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Auth;

/// <summary>
/// DNS rebinding: a page on attacker.example whose name later resolves to 127.0.0.1 reaches a loopback-only portal
/// from the victim's browser, with Host: attacker.example. Local sign-in must not answer it.
/// </summary>
public sealed class HostFilteringTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("localhost")]
    [InlineData("localhost:5110")]
    [InlineData("127.0.0.1:5110")]
    [InlineData("[::1]:5110")]
    public async Task Local_sign_in_answers_loopback_host_names(string host)
    {
        await using var portal = new WebHost();

        using var response = await GetSignInPageAsync(portal, host);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("attacker.example")]
    [InlineData("attacker.example:5110")]
    [InlineData("localhost.attacker.example")]
    public async Task Local_sign_in_answers_400_to_any_other_host_name(string host)
    {
        await using var portal = new WebHost();

        using var response = await GetSignInPageAsync(portal, host);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task The_wildcard_of_appsettings_does_not_reopen_it()
    {
        await using var portal = new WebHost(new Dictionary<string, string?> { ["AllowedHosts"] = "*" });

        using var response = await GetSignInPageAsync(portal, "attacker.example");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task An_explicit_AllowedHosts_list_is_kept()
    {
        await using var portal = new WebHost(new Dictionary<string, string?> { ["AllowedHosts"] = "portal.test;localhost" });

        using var named = await GetSignInPageAsync(portal, "portal.test:5110");
        using var other = await GetSignInPageAsync(portal, "attacker.example");

        Assert.Equal(HttpStatusCode.OK, named.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, other.StatusCode);
    }

    [Fact]
    public async Task With_AllowNonLoopback_local_sign_in_answers_any_host_name()
    {
        await using var portal = new WebHost(new Dictionary<string, string?> { ["Auth:AllowNonLoopback"] = "true" });

        using var response = await GetSignInPageAsync(portal, "portal.example");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Entra_sign_in_answers_the_load_balancer_host_name()
    {
        await using var provider = await FakeOpenIdProvider.StartAsync(Cancel);
        await using var portal = new EntraWebHost(provider);

        using var response = await GetSignInPageAsync(portal, "portal.example");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static async Task<HttpResponseMessage> GetSignInPageAsync(WebApplicationFactory<Program> portal, string host)
    {
        using var client = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/signin", UriKind.Relative));
        request.Headers.Host = host;
        return await client.SendAsync(request, Cancel);
    }
}
