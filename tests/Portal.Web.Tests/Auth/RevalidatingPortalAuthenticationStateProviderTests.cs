using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Portal.Web.Auth;
using Portal.Web.Security;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Auth;

public sealed class RevalidatingPortalAuthenticationStateProviderTests
{
    private static readonly DateTimeOffset SignedIn = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset CookieExpires = SignedIn.AddHours(12);
    private readonly FakeTimeProvider _clock = new(SignedIn);
    private readonly InMemorySecurityStampStore _store = new();
    private readonly SecurityStamps _stamps;

    public RevalidatingPortalAuthenticationStateProviderTests() => _stamps = new SecurityStamps(_store);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_user_is_valid_until_the_cookie_expires()
    {
        var provider = Provider();
        var user = await UserAsync();

        Assert.True(await provider.IsValidAsync(user, Cancel));
        _clock.Advance(TimeSpan.FromHours(12) - TimeSpan.FromSeconds(1));
        Assert.True(await provider.IsValidAsync(user, Cancel));
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.False(await provider.IsValidAsync(user, Cancel));
    }

    [Fact]
    public async Task A_user_who_signed_out_elsewhere_is_not_valid_but_other_users_are()
    {
        var provider = Provider();
        var ada = await UserAsync("ada");
        var grace = await UserAsync("grace");

        await _stamps.EndAsync(ada, Cancel);

        Assert.False(await provider.IsValidAsync(ada, Cancel));
        Assert.True(await provider.IsValidAsync(grace, Cancel));
    }

    [Fact]
    public async Task A_user_without_a_security_stamp_is_not_valid()
    {
        var unstamped = Principal("ada", [PortalRoles.User]);

        Assert.False(await Provider().IsValidAsync(unstamped, Cancel));
    }

    [Fact]
    public async Task A_user_without_a_Portal_role_is_not_valid()
    {
        var provider = Provider();

        Assert.False(await provider.IsValidAsync(await UserAsync(roles: []), Cancel));
        Assert.False(await provider.IsValidAsync(await UserAsync(roles: ["Portal.Reader"]), Cancel));
        Assert.True(await provider.IsValidAsync(await UserAsync(roles: [PortalRoles.Admin]), Cancel));
    }

    [Fact]
    public async Task A_user_without_a_cookie_expiry_is_not_valid()
    {
        var principal = new ClaimsPrincipal(new ClaimsIdentity([new(ClaimTypes.Name, "ada"), new(ClaimTypes.Role, PortalRoles.User)], "Cookies"));

        Assert.False(await Provider().IsValidAsync(principal, Cancel));
    }

    [Fact]
    public void Circuits_check_their_user_every_five_seconds_by_default()
    {
        using var provider = new RevalidatingPortalAuthenticationStateProvider(NullLoggerFactory.Instance, _clock, _stamps, Options.Create(new SecurityOptions()));

        Assert.Equal(TimeSpan.FromSeconds(5), provider.Interval);
    }

    [Fact]
    public async Task The_circuit_becomes_anonymous_once_the_cookie_has_expired()
    {
        using var provider = Provider(TimeSpan.FromMilliseconds(20));
        provider.SetAuthenticationState(Task.FromResult(new AuthenticationState(await UserAsync())));
        var changed = Changed(provider);

        _clock.Advance(TimeSpan.FromHours(13));
        var state = await changed.WaitAsync(TimeSpan.FromSeconds(10), Cancel);

        Assert.False(state.User.Identity?.IsAuthenticated);
        Assert.False((await provider.GetAuthenticationStateAsync()).User.Identity?.IsAuthenticated);
    }

    [Fact]
    public async Task A_sign_out_elsewhere_makes_the_open_circuit_anonymous_at_once_and_its_handlers_find_no_actor()
    {
        // An hour between periodic checks: only the renewal's own notice can end the circuit within the test.
        using var provider = Provider(TimeSpan.FromHours(1));
        using var bystander = Provider(TimeSpan.FromHours(1));
        var ada = await UserAsync("ada");
        provider.SetAuthenticationState(Task.FromResult(new AuthenticationState(ada)));
        bystander.SetAuthenticationState(Task.FromResult(new AuthenticationState(await UserAsync("grace"))));
        Assert.NotNull(await provider.GetAuthenticationStateAsync().ToActorAsync());
        var changed = Changed(provider);

        await _stamps.EndAsync(ada, Cancel);
        var state = await changed.WaitAsync(TimeSpan.FromSeconds(5), Cancel);

        Assert.False(state.User.Identity?.IsAuthenticated);
        Assert.Null(await provider.GetAuthenticationStateAsync().ToActorAsync());
        Assert.Equal("grace", (await bystander.GetAuthenticationStateAsync().ToActorAsync())?.Name);
    }

    [Fact]
    public async Task The_circuit_keeps_a_user_who_is_still_valid()
    {
        using var provider = Provider(TimeSpan.FromMilliseconds(20));
        provider.SetAuthenticationState(Task.FromResult(new AuthenticationState(await UserAsync())));
        var changes = 0;
        provider.AuthenticationStateChanged += _ => Interlocked.Increment(ref changes);

        await Task.Delay(TimeSpan.FromMilliseconds(200), Cancel);

        Assert.Equal(0, changes);
        Assert.Equal("ada", (await provider.GetAuthenticationStateAsync()).User.Identity?.Name);
    }

    [Fact]
    public async Task A_store_that_fails_for_a_moment_does_not_sign_the_circuit_out()
    {
        using var provider = Provider(TimeSpan.FromMilliseconds(20));
        provider.SetAuthenticationState(Task.FromResult(new AuthenticationState(await UserAsync())));
        var changes = 0;
        provider.AuthenticationStateChanged += _ => Interlocked.Increment(ref changes);

        _store.Failure = new InvalidOperationException("database is locked");
        await Task.Delay(TimeSpan.FromMilliseconds(200), Cancel);

        Assert.Equal(0, changes);
        Assert.Equal("ada", (await provider.GetAuthenticationStateAsync()).User.Identity?.Name);
    }

    [Fact]
    public async Task A_store_that_fails_still_ends_a_circuit_whose_cookie_has_expired()
    {
        using var provider = Provider(TimeSpan.FromMilliseconds(20));
        provider.SetAuthenticationState(Task.FromResult(new AuthenticationState(await UserAsync())));
        var changed = Changed(provider);

        _store.Failure = new InvalidOperationException("database is locked");
        _clock.Advance(TimeSpan.FromHours(13));
        var state = await changed.WaitAsync(TimeSpan.FromSeconds(10), Cancel);

        Assert.False(state.User.Identity?.IsAuthenticated);
    }

    private static Task<AuthenticationState> Changed(RevalidatingPortalAuthenticationStateProvider provider)
    {
        var changed = new TaskCompletionSource<AuthenticationState>(TaskCreationOptions.RunContinuationsAsynchronously);
        provider.AuthenticationStateChanged += async state => changed.TrySetResult(await state);
        return changed.Task;
    }

    private RevalidatingPortalAuthenticationStateProvider Provider(TimeSpan? interval = null) =>
        new(NullLoggerFactory.Instance, _clock, _stamps, Options.Create(new SecurityOptions())) { Interval = interval ?? TimeSpan.FromMinutes(1) };

    /// <summary>A user as the sign-in cookie makes them: their current stamp, the cookie's expiry.</summary>
    private async Task<ClaimsPrincipal> UserAsync(string name = "ada", string[]? roles = null)
    {
        var principal = Principal(name, roles ?? [PortalRoles.User]);
        await _stamps.StampAsync(principal, Cancel);
        return principal.WithCookieExpiry(CookieExpires);
    }

    private static ClaimsPrincipal Principal(string name, string[] roles) =>
        new(new ClaimsIdentity(
            [new(ClaimTypes.Name, name), new(ClaimTypes.NameIdentifier, "local:" + name), .. roles.Select(r => new Claim(ClaimTypes.Role, r))],
            "Cookies"));
}
