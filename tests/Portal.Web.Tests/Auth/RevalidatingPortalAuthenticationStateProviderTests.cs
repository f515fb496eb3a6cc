using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Portal.Web.Auth;

namespace Portal.Web.Tests.Auth;

public sealed class RevalidatingPortalAuthenticationStateProviderTests
{
    private static readonly DateTimeOffset SignedIn = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset CookieExpires = SignedIn.AddHours(12);
    private readonly FakeTimeProvider _clock = new(SignedIn);
    private readonly EndedSessions _ended;

    public RevalidatingPortalAuthenticationStateProviderTests() => _ended = new EndedSessions(_clock);

    [Fact]
    public void A_user_is_valid_until_the_cookie_expires()
    {
        var provider = Provider();
        var user = User();

        Assert.True(provider.IsValid(user));
        _clock.Advance(TimeSpan.FromHours(12) - TimeSpan.FromSeconds(1));
        Assert.True(provider.IsValid(user));
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.False(provider.IsValid(user));
    }

    [Fact]
    public void A_user_whose_sign_in_ended_in_another_tab_is_not_valid()
    {
        var provider = Provider();

        _ended.End("sign-in-1", CookieExpires);

        Assert.False(provider.IsValid(User(sessionId: "sign-in-1")));
        Assert.True(provider.IsValid(User(sessionId: "sign-in-2")));
    }

    [Fact]
    public void A_user_without_a_Portal_role_is_not_valid()
    {
        var provider = Provider();

        Assert.False(provider.IsValid(User(roles: [])));
        Assert.False(provider.IsValid(User(roles: ["Portal.Reader"])));
        Assert.True(provider.IsValid(User(roles: [PortalRoles.Admin])));
    }

    [Fact]
    public void A_user_without_a_cookie_expiry_is_not_valid()
    {
        var principal = new ClaimsPrincipal(new ClaimsIdentity([new(ClaimTypes.Name, "ada"), new(ClaimTypes.Role, PortalRoles.User)], "Cookies"));

        Assert.False(Provider().IsValid(principal));
    }

    [Fact]
    public async Task The_circuit_becomes_anonymous_once_the_cookie_has_expired()
    {
        using var provider = Provider(TimeSpan.FromMilliseconds(20));
        provider.SetAuthenticationState(Task.FromResult(new AuthenticationState(User())));
        var changed = new TaskCompletionSource<AuthenticationState>(TaskCreationOptions.RunContinuationsAsynchronously);
        provider.AuthenticationStateChanged += async state => changed.TrySetResult(await state);

        _clock.Advance(TimeSpan.FromHours(13));
        var state = await changed.Task.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);

        Assert.False(state.User.Identity?.IsAuthenticated);
        Assert.False((await provider.GetAuthenticationStateAsync()).User.Identity?.IsAuthenticated);
    }

    [Fact]
    public async Task The_circuit_keeps_a_user_who_is_still_valid()
    {
        using var provider = Provider(TimeSpan.FromMilliseconds(20));
        provider.SetAuthenticationState(Task.FromResult(new AuthenticationState(User())));
        var changes = 0;
        provider.AuthenticationStateChanged += _ => Interlocked.Increment(ref changes);

        await Task.Delay(TimeSpan.FromMilliseconds(200), TestContext.Current.CancellationToken);

        Assert.Equal(0, changes);
        Assert.Equal("ada", (await provider.GetAuthenticationStateAsync()).User.Identity?.Name);
    }

    private RevalidatingPortalAuthenticationStateProvider Provider(TimeSpan? interval = null) =>
        new(NullLoggerFactory.Instance, _clock, _ended) { Interval = interval ?? TimeSpan.FromMinutes(1) };

    private static ClaimsPrincipal User(string sessionId = "sign-in-1", string[]? roles = null)
    {
        var claims = new List<Claim> { new(ClaimTypes.Name, "ada"), new(SessionClaims.SessionId, sessionId) };
        claims.AddRange((roles ?? [PortalRoles.User]).Select(r => new Claim(ClaimTypes.Role, r)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, "Cookies")).WithCookieExpiry(CookieExpires);
    }
}
