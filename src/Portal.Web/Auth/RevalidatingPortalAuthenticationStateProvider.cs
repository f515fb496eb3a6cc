using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.Extensions.Options;
using Portal.Web.Security;

namespace Portal.Web.Auth;

/// <summary>
/// The circuit's authentication state, checked again every few seconds and at once when its user's security stamp is
/// renewed on this instance: a circuit keeps the user it started with, so without this an open tab could still
/// launch, stop and open notebooks after the user signed out in another tab. When the user is no longer valid the
/// circuit becomes anonymous: pages send it to sign-in and event handlers find no actor.
/// </summary>
internal sealed partial class RevalidatingPortalAuthenticationStateProvider : RevalidatingServerAuthenticationStateProvider
{
    private static readonly AuthenticationState Anonymous = new(new ClaimsPrincipal(new ClaimsIdentity()));
    private readonly TimeProvider _clock;
    private readonly SecurityStamps _stamps;
    private readonly ILogger _logger;
    private Task<AuthenticationState>? _state;

    public RevalidatingPortalAuthenticationStateProvider(
        ILoggerFactory loggerFactory,
        TimeProvider clock,
        SecurityStamps stamps,
        IOptions<SecurityOptions> options)
        : base(loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(loggerFactory);
        ArgumentNullException.ThrowIfNull(options);
        _clock = clock;
        _stamps = stamps;
        _logger = loggerFactory.CreateLogger<RevalidatingPortalAuthenticationStateProvider>();
        Interval = options.Value.CircuitRevalidationInterval;
        AuthenticationStateChanged += state => _state = state;
        _stamps.Renewed += OnStampRenewed;
    }

    /// <summary>How often the user is checked.</summary>
    /// <remarks>Defaults to <see cref="SecurityOptions.CircuitRevalidationInterval"/>.</remarks>
    public TimeSpan Interval { get; init; }

    protected override TimeSpan RevalidationInterval => Interval;

    /// <summary>
    /// Valid while the cookie the circuit started with has not expired, carries its user's current security stamp (no
    /// sign-out since), and the user holds a Portal role (a principal without one gets no page or API call).
    /// </summary>
    public async Task<bool> IsValidAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        return (user.IsInRole(PortalRoles.User) || user.IsInRole(PortalRoles.Admin))
               && user.FindCookieExpiry() is { } expires && _clock.GetUtcNow() < expires
               && await _stamps.IsCurrentAsync(user, cancellationToken);
    }

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(authenticationState);
        try
        {
            return await IsValidAsync(authenticationState.User, cancellationToken);
        }
        catch (Exception ex) when (ex is not (OperationCanceledException or OutOfMemoryException))
        {
            // The base class signs the circuit out on any exception: a store that is busy for a moment (SQLite under
            // load) or a host shutting down must not end every open tab. The role and the cookie's expiry are still
            // checked; the stamp is checked again at the next interval, and every handler checks the user when it acts.
            if (ex is ObjectDisposedException)
            {
                // The host is stopping and took the store with it: nothing is wrong with the user or the store.
                LogStampCheckSkipped();
            }
            else
            {
                LogStampCheckFailed(ex);
            }

            var user = authenticationState.User;
            return (user.IsInRole(PortalRoles.User) || user.IsInRole(PortalRoles.Admin))
                   && user.FindCookieExpiry() is { } expires && _clock.GetUtcNow() < expires;
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _stamps.Renewed -= OnStampRenewed;
        }

        base.Dispose(disposing);
    }

    private void OnStampRenewed(string userId) => _ = CheckAgainAsync(userId);

    private async Task CheckAgainAsync(string userId)
    {
        try
        {
            if (_state is not { } current || (await current).User is not { } user || user.ToActor()?.Id != userId)
            {
                return;
            }

            if (!await IsValidAsync(user, CancellationToken.None))
            {
                SetAuthenticationState(Task.FromResult(Anonymous));
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The periodic check tries again; a failed push must not take the circuit down.
            LogCheckFailed(ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The periodic check of a circuit's security stamp failed; the circuit keeps its user until the next check")]
    private partial void LogStampCheckFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "The periodic check of a circuit's security stamp was skipped: the portal is shutting down")]
    private partial void LogStampCheckSkipped();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Checking a circuit's user after a sign-out failed")]
    private partial void LogCheckFailed(Exception exception);
}
