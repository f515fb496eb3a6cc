using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Auth;

public sealed class LocalSignInTests : IAsyncLifetime
{
    private readonly WebHost _host = new();
    private HttpClient _client = null!;

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
        using var response = await LocalFlow.SignInAsync(_client, "ada", "User", "/sessions", Cancel);

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
        using var response = await LocalFlow.SignInAsync(_client, "ada", "User", returnUrl, Cancel);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_refused_sign_in_keeps_only_a_local_return_url()
    {
        using var response = await LocalFlow.SignInAsync(_client, "ada lovelace", "User", "/\t/evil.example", Cancel);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", EntraFlow.Query(new Uri(new Uri("http://localhost"), response.Headers.Location!))["returnUrl"]);
    }
}
