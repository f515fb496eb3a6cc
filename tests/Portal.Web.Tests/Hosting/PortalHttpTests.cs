using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Hosting;

public sealed class PortalHttpTests : IAsyncLifetime
{
    private readonly WebHost _host = new();
    private HttpClient _client = null!;

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
    public async Task Healthz_answers_healthy_without_sign_in()
    {
        var response = await _client.GetAsync(new Uri("/healthz", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/sessions")]
    [InlineData("/sessions/s-abcdefgh12")]
    public async Task Pages_send_anonymous_visitors_to_sign_in(string path)
    {
        var response = await _client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/signin", response.Headers.Location!.IsAbsoluteUri ? response.Headers.Location.PathAndQuery : response.Headers.Location.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_api_refuses_anonymous_callers()
    {
        var response = await _client.GetAsync(new Uri("/api/v1/sessions/s-abcdefgh12/cost", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task The_sign_in_page_has_a_user_name_a_role_and_a_sign_in_button()
    {
        var html = await _client.GetStringAsync(new Uri("/signin", UriKind.Relative), TestContext.Current.CancellationToken);

        // A static page (no circuit before sign-in): MudBlazor's text field and button, the role a native select in a MudField.
        Assert.Matches("<label [^>]*for=\"signin-user\"[^>]*>User name</label>", html);
        Assert.Matches("<input [^>]*name=\"UserName\"[^>]*id=\"signin-user\"", html);
        Assert.Matches("<select id=\"signin-role\" name=\"Role\" aria-label=\"Role\">", html);
        Assert.Contains("<option value=\"Admin\">Admin</option>", html, StringComparison.Ordinal);
        Assert.Contains(">Sign in</span></button>", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"sandbox-badge\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_sandbox_notebook_link_without_a_valid_token_shows_no_notebook()
    {
        var html = await _client.GetStringAsync(new Uri("/sandbox/notebooks/eu-west-2/portal-s-abcdefgh12?authToken=forged", UriKind.Relative), TestContext.Current.CancellationToken);
        var download = await _client.GetAsync(new Uri("/sandbox/notebooks/eu-west-2/portal-s-abcdefgh12/download?authToken=forged", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Contains("This notebook link does not work", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, download.StatusCode);
    }
}
