using Portal.Domain.Sessions;

namespace Portal.Infra.Tests.Support;

/// <summary>Drives a session pass by pass on the host's fake clock, the way the background service would.</summary>
internal static class SessionDriving
{
    /// <summary>Runs a pass, records the session, advances the clock by <paramref name="tick"/>; until <paramref name="done"/> holds.</summary>
    public static async Task<List<Session>> DriveAsync(
        InfraTestHost host, SessionId id, Func<Session, bool> done, TimeSpan tick, CancellationToken cancellationToken, int maxPasses = 100)
    {
        var seen = new List<Session>();
        for (var pass = 0; pass < maxPasses; pass++)
        {
            await host.RunOnceAsync(cancellationToken);
            var session = await host.Store.FindAsync(id, cancellationToken);
            Assert.NotNull(session);
            seen.Add(session);
            if (done(session))
            {
                return seen;
            }

            host.Clock.Advance(tick);
        }

        var last = seen[^1];
        Assert.Fail($"After {maxPasses} passes the session is {last.State}: {string.Join(", ", last.Steps.Select(s => $"{s.ResourceName} {s.Status} {s.ProviderStatus} {s.Message}"))}");
        return seen;
    }
}
