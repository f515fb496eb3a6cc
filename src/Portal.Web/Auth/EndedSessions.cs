using System.Collections.Concurrent;

namespace Portal.Web.Auth;

/// <summary>
/// Sign-ins that ended before their cookie expired (signed out, or replaced by a new sign-in in the same browser),
/// so that circuits still running as them stop. Kept in memory until the cookie would have expired: the portal runs
/// as one instance, and the load balancer keeps each browser on it.
/// </summary>
internal sealed class EndedSessions(TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _ended = new(StringComparer.Ordinal);

    public void End(string sessionId, DateTimeOffset cookieExpires)
    {
        var now = clock.GetUtcNow();
        foreach (var (id, expires) in _ended)
        {
            if (expires <= now)
            {
                _ended.TryRemove(id, out _);
            }
        }

        if (cookieExpires > now)
        {
            _ended[sessionId] = cookieExpires;
        }
    }

    public bool HasEnded(string sessionId) => _ended.ContainsKey(sessionId);
}
