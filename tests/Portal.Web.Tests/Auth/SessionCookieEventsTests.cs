using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Portal.Web.Auth;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Auth;

/// <summary>What a circuit's user carries from the sign-in cookie, and how signing out in another tab reaches it.</summary>
public sealed class SessionCookieEventsTests : IAsyncLifetime
{
    // The portal's clock (cookies, ended sign-ins, revalidation), at a whole second: claims keep Unix seconds.
    private static readonly DateTimeOffset SignedIn = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds());
    private readonly FakeTimeProvider _clock = new(SignedIn);
    private readonly RequestPrincipals _principals = new();
    private readonly WebHost _host = new();
    private WebApplicationFactory<Program> _portal = null!;
    private HttpClient _client = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        _portal = _host.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<IStartupFilter>(_principals);
            services.PostConfigure<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme, o => o.TimeProvider = _clock);
            services.AddSingleton<TimeProvider>(_clock);
        }));
        _client = _portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _portal.DisposeAsync();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task The_interactive_circuit_checks_its_user_again()
    {
        await using var scope = _portal.Services.CreateAsyncScope();

        var provider = scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>();

        Assert.IsAssignableFrom<RevalidatingServerAuthenticationStateProvider>(provider);
    }

    [Fact]
    public async Task Each_request_of_a_signed_in_user_carries_the_cookie_expiry_and_the_users_security_stamp()
    {
        using (await AccountForms.LocalSignInAsync(_client, "ada", "User", "/", Cancel))
        {
        }

        var user = await UserOfRequestAsync();

        Assert.Equal("ada", user.Identity?.Name);
        Assert.Equal(SignedIn.AddHours(12), user.FindCookieExpiry());
        Assert.False(string.IsNullOrEmpty(user.FindFirst(SecurityStamps.ClaimType)?.Value));
    }

    [Fact]
    public async Task Sliding_renewal_moves_the_expiry_the_circuit_sees()
    {
        using (await AccountForms.LocalSignInAsync(_client, "ada", "User", "/", Cancel))
        {
        }

        _clock.Advance(TimeSpan.FromHours(7));
        using var renewed = await _client.GetAsync(new Uri("/sessions", UriKind.Relative), Cancel);
        var user = _principals.Last!;

        Assert.Equal(HttpStatusCode.OK, renewed.StatusCode);
        Assert.Contains(renewed.Headers.GetValues("Set-Cookie"), c => c.StartsWith(PortalAuthentication.CookieName + "=", StringComparison.Ordinal));
        Assert.Equal(SignedIn.AddHours(19), user.FindCookieExpiry());
    }

    [Fact]
    public async Task Signing_out_in_another_tab_ends_the_circuit_of_the_open_tab()
    {
        using (await AccountForms.LocalSignInAsync(_client, "ada", "User", "/", Cancel))
        {
        }

        var openTab = await UserOfRequestAsync();
        var provider = Revalidating();
        Assert.True(await provider.IsValidAsync(openTab, Cancel));

        using var signOut = await AccountForms.SignOutAsync(_client, Cancel);

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.False(await provider.IsValidAsync(openTab, Cancel));
    }

    [Fact]
    public async Task Signing_in_again_in_the_same_browser_ends_the_previous_sign_in()
    {
        using (await AccountForms.LocalSignInAsync(_client, "ada", "Admin", "/", Cancel))
        {
        }

        var admin = await UserOfRequestAsync();

        using (await AccountForms.LocalSignInAsync(_client, "grace", "User", "/", Cancel))
        {
        }

        var user = await UserOfRequestAsync();
        var provider = Revalidating();
        Assert.False(await provider.IsValidAsync(admin, Cancel));
        Assert.True(await provider.IsValidAsync(user, Cancel));
        Assert.Equal("grace", user.Identity?.Name);
    }

    [Fact]
    public async Task A_cookie_past_its_expiry_makes_the_circuit_user_invalid()
    {
        using (await AccountForms.LocalSignInAsync(_client, "ada", "User", "/", Cancel))
        {
        }

        var openTab = await UserOfRequestAsync();
        _clock.Advance(TimeSpan.FromHours(12));

        Assert.False(await Revalidating().IsValidAsync(openTab, Cancel));
    }

    /// <summary>The user of a signed-in page request: what a circuit starting now would run as.</summary>
    private async Task<ClaimsPrincipal> UserOfRequestAsync()
    {
        using var page = await _client.GetAsync(new Uri("/sessions", UriKind.Relative), Cancel);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        return _principals.Last!;
    }

    private RevalidatingPortalAuthenticationStateProvider Revalidating()
    {
        var scope = _portal.Services.CreateScope();
        return Assert.IsType<RevalidatingPortalAuthenticationStateProvider>(scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>());
    }
}
