using System.Security.Claims;
using Portal.Domain.Accounts;

namespace Portal.Web.Auth;

/// <summary>
/// The security stamp in the sign-in cookie: written at sign-in, compared with the user's stored stamp on every request
/// and circuit check, and renewed at sign-out, so that a cookie saved before a sign-out is refused afterwards.
/// Renewals are announced to the circuits of this instance, which check their user again at once.
/// </summary>
internal sealed class SecurityStamps(ISecurityStampStore store)
{
    public const string ClaimType = "portal:stamp";

    /// <summary>Raised with the user id after a user's stamp was renewed on this instance.</summary>
    public event Action<string>? Renewed;

    /// <summary>Adds the user's current stamp to a principal that is being signed in.</summary>
    public async Task StampAsync(ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(principal);
        if (principal.ToActor() is { } actor)
        {
            var stamp = await store.GetOrCreateAsync(actor.Id, cancellationToken);
            principal.Identities.First().AddClaim(new Claim(ClaimType, stamp));
        }
    }

    /// <summary>Ends every sign-in of the principal's user: their cookies and circuits are refused from now on.</summary>
    public async Task EndAsync(ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(principal);
        if (principal.ToActor() is { } actor)
        {
            await store.RenewAsync(actor.Id, cancellationToken);
            Renewed?.Invoke(actor.Id);
        }
    }

    /// <summary>True when the principal carries its user's current stamp; a principal without one never is.</summary>
    public async Task<bool> IsCurrentAsync(ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(principal);
        if (principal.ToActor() is not { } actor || principal.FindFirst(ClaimType)?.Value is not { Length: > 0 } stamp)
        {
            return false;
        }

        return string.Equals(stamp, await store.FindAsync(actor.Id, cancellationToken), StringComparison.Ordinal);
    }
}
