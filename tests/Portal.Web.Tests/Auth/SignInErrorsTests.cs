using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Auth;

/// <summary>The sign-in page shows fixed messages for error codes, never text from the link that opened it.</summary>
public sealed class SignInErrorsTests : IAsyncLifetime
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

    [Theory]
    [InlineData("Your password expired. Call the helpdesk on +1 555 0100 to reset it.")]
    [InlineData("Portal has moved to https://evil.example/signin")]
    [InlineData("Enter a user name. ")]
    public async Task Text_in_the_link_is_not_shown(string text)
    {
        var html = await SignInPageAsync("/signin?error=" + Uri.EscapeDataString(text));

        Assert.DoesNotContain("signin-error", html, StringComparison.Ordinal);
        Assert.DoesNotContain(WebUtility.HtmlEncode(text.Trim()), html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("user-name-missing", "Enter a user name.")]
    [InlineData("user-name-characters", "Use letters, digits, dots, dashes, underscores or @ in the user name.")]
    [InlineData("user-name-too-long", "A user name has at most 64 characters.")]
    [InlineData("role", "Choose the role User or Admin.")]
    [InlineData("entra-failed", "Sign-in with Microsoft did not complete. Try again, or ask an admin if it keeps failing.")]
    [InlineData("entra-no-user-name", "Your Microsoft account has no user name (preferred_username) that Portal can use; ask an admin.")]
    public async Task Each_error_code_shows_its_message(string code, string message)
    {
        var html = await SignInPageAsync("/signin?error=" + code);

        Assert.Contains($"id=\"signin-error\">{WebUtility.HtmlEncode(message)}</p>", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ada lovelace", "User", "user-name-characters", "Use letters, digits, dots, dashes, underscores or @ in the user name.")]
    [InlineData("", "User", "user-name-missing", "Enter a user name.")]
    [InlineData("ada", "Root", "role", "Choose the role User or Admin.")]
    public async Task A_refused_local_sign_in_sends_a_code_and_the_page_shows_its_message(string userName, string role, string code, string message)
    {
        using var response = await AccountForms.LocalSignInAsync(_client, userName, role, "/sessions", Cancel);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = new Uri(new Uri("http://localhost"), response.Headers.Location!);
        Assert.Equal(code, EntraFlow.Query(location)["error"]);
        var html = await SignInPageAsync(location.PathAndQuery);
        Assert.Contains(WebUtility.HtmlEncode(message), html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signed_out_shows_its_fixed_message()
    {
        var html = await SignInPageAsync("/signin?signedOut=true");

        Assert.Contains("You have signed out.", html, StringComparison.Ordinal);
    }

    private async Task<string> SignInPageAsync(string pathAndQuery)
    {
        using var response = await _client.GetAsync(new Uri(pathAndQuery, UriKind.Relative), Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync(Cancel);
    }
}
