using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Auth;

/// <summary>A cookie saved before a sign-out is refused afterwards, in both modes: sign-out renews the user's security stamp.</summary>
public sealed class SignOutIsFinalTests
{
    private const string UnknownSessionCost = "/api/v1/sessions/s-abcdefgh12/cost";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Local_mode_a_cookie_saved_before_sign_out_gets_401_from_the_api_and_the_sign_in_page_afterwards()
    {
        await using var portal = new WebHost();
        using var browser = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var signIn = await AccountForms.LocalSignInAsync(browser, "ada", "User", "/", Cancel);
        var saved = SavedCookies.From(signIn);
        using var replay = Replaying(portal, saved);
        using (var before = await replay.GetAsync(Relative(UnknownSessionCost), Cancel))
        {
            Assert.Equal(HttpStatusCode.NotFound, before.StatusCode);
        }

        using (await AccountForms.SignOutAsync(browser, Cancel))
        {
        }

        using var api = await replay.GetAsync(Relative(UnknownSessionCost), Cancel);
        using var page = await replay.GetAsync(Relative("/sessions"), Cancel);
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/signin", PathOf(page.Headers.Location!), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Local_mode_a_sign_out_ends_the_users_sign_ins_in_other_browsers_and_a_new_sign_in_works()
    {
        await using var portal = new WebHost();
        using var laptop = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var phone = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using (await AccountForms.LocalSignInAsync(laptop, "ada", "User", "/", Cancel))
        using (await AccountForms.LocalSignInAsync(phone, "ada", "User", "/", Cancel))
        using (await AccountForms.SignOutAsync(laptop, Cancel))
        {
        }

        using (var ended = await phone.GetAsync(Relative(UnknownSessionCost), Cancel))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, ended.StatusCode);
        }

        using (await AccountForms.LocalSignInAsync(phone, "ada", "User", "/", Cancel))
        {
        }

        using var again = await phone.GetAsync(Relative(UnknownSessionCost), Cancel);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
    }

    [Fact]
    public async Task Local_mode_a_sign_out_survives_a_restart_of_the_portal()
    {
        var folder = Path.Combine(Path.GetTempPath(), "portal-web-" + Guid.NewGuid().ToString("N")[..12]);
        string saved;
        await using (var first = new WebHost(new Dictionary<string, string?> { ["Storage:DataDirectory"] = folder }))
        {
            using var browser = first.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
            using var signIn = await AccountForms.LocalSignInAsync(browser, "ada", "User", "/", Cancel);
            saved = SavedCookies.From(signIn);
            using (await AccountForms.SignOutAsync(browser, Cancel))
            {
            }
        }

        try
        {
            await using var restarted = new WebHost(new Dictionary<string, string?> { ["Storage:DataDirectory"] = folder });
            using var replay = Replaying(restarted, saved);
            using var api = await replay.GetAsync(Relative(UnknownSessionCost), Cancel);

            Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Entra_mode_a_cookie_saved_before_sign_out_gets_401_from_the_api_and_a_new_challenge_afterwards()
    {
        await using var provider = await FakeOpenIdProvider.StartAsync(Cancel);
        await using var portal = new EntraWebHost(provider);
        using var browser = portal.CreateClient();
        using var callback = await EntraFlow.SignInAsync(browser, "/sessions", Cancel);
        var saved = SavedCookies.From(callback);
        using var replay = Replaying(portal, saved, new Uri("https://localhost"));
        using (var before = await replay.GetAsync(Relative(UnknownSessionCost), Cancel))
        {
            Assert.Equal(HttpStatusCode.NotFound, before.StatusCode);
        }

        using (await AccountForms.SignOutAsync(browser, Cancel))
        {
        }

        using var api = await replay.GetAsync(Relative(UnknownSessionCost), Cancel);
        using var page = await replay.GetAsync(Relative("/sessions"), Cancel);
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal(provider.AuthorizeEndpoint.GetLeftPart(UriPartial.Path), page.Headers.Location!.GetLeftPart(UriPartial.Path));
    }

    private static HttpClient Replaying(WebApplicationFactory<Program> portal, string cookie, Uri? baseAddress = null)
    {
        var client = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false, BaseAddress = baseAddress ?? new Uri("http://localhost") });
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        return client;
    }

    private static Uri Relative(string path) => new(path, UriKind.Relative);

    private static string PathOf(Uri location) => location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;
}
