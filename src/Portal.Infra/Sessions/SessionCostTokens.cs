using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Portal.Domain.Sessions;

namespace Portal.Infra.Sessions;

/// <summary>
/// The credential a session's notebook uses to read that session's cost from the portal's API: it opens nothing
/// else, and it ends a week after the session's maximum lifetime. Never log it.
/// </summary>
internal sealed class SessionCostTokens(IDataProtectionProvider dataProtection, TimeProvider clock)
{
    private const string Purpose = "Portal.SessionCostToken.v1";
    private static readonly TimeSpan Grace = TimeSpan.FromDays(7);

    public string Issue(Session session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var expires = (session.ExpiresAt + Grace).ToUnixTimeSeconds();
        return Protector().Protect(string.Create(CultureInfo.InvariantCulture, $"{session.Id}|{expires}"));
    }

    /// <summary>True when <paramref name="token"/> was issued for <paramref name="id"/> and has not expired.</summary>
    public bool IsValidFor(string? token, SessionId id)
    {
        if (string.IsNullOrEmpty(token))
        {
            return false;
        }

        string payload;
        try
        {
            payload = Protector().Unprotect(token);
        }
        catch (CryptographicException)
        {
            return false;
        }

        var parts = payload.Split('|');
        return parts.Length == 2
               && parts[0] == id.Value
               && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var expires)
               && clock.GetUtcNow().ToUnixTimeSeconds() < expires;
    }

    private IDataProtector Protector() => dataProtection.CreateProtector(Purpose);
}
