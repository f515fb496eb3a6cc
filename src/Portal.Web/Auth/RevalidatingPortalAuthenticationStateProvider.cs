using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;

namespace Portal.Web.Auth;

/// <summary>
/// The circuit's authentication state, checked again every minute: a circuit keeps the user it started with, so
/// without this an open tab could still launch, stop and open notebooks after the cookie expired or the user signed
/// out in another tab. When the user is no longer valid the circuit becomes anonymous: pages send it to sign-in and
/// event handlers find no actor.
/// </summary>
internal sealed class RevalidatingPortalAuthenticationStateProvider(
    ILoggerFactory loggerFactory,
    TimeProvider clock,
    EndedSessions endedSessions) : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    /// <summary>How often the user is checked.</summary>
    /// <remarks>Defaults to one minute.</remarks>
    public TimeSpan Interval { get; init; } = TimeSpan.FromMinutes(1);

    protected override TimeSpan RevalidationInterval => Interval;

    /// <summary>
    /// Valid while the cookie the circuit started with has not expired, the sign-in has not ended, and the user holds a
    /// Portal role (a principal without one gets no page or API call; Entra grants the roles).
    /// </summary>
    public bool IsValid(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return (user.IsInRole(PortalRoles.User) || user.IsInRole(PortalRoles.Admin))
               && user.FindCookieExpiry() is { } expires && clock.GetUtcNow() < expires
               && !(user.FindSessionId() is { } sessionId && endedSessions.HasEnded(sessionId));
    }

    protected override Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken) =>
        Task.FromResult(IsValid(authenticationState.User));
}
