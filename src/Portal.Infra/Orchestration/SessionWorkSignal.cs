using System.Threading.Channels;
using Portal.Domain.Sessions;

namespace Portal.Infra.Orchestration;

/// <summary>
/// Tells the background service that a user asked for something (a launch, a stop, a retry): that session is driven at
/// once instead of up to a poll interval later, so its first step starts without waiting for a pass over every session.
/// </summary>
internal sealed class SessionWorkSignal
{
    private readonly Channel<SessionId> _now = Channel.CreateBounded<SessionId>(
        new BoundedChannelOptions(1024) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

    /// <summary>Sessions to drive now, in the order they were asked for.</summary>
    public ChannelReader<SessionId> Requests => _now.Reader;

    public void Wake(SessionId id) => _now.Writer.TryWrite(id);
}
