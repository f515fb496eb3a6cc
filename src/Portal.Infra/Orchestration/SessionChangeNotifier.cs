using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Portal.Domain.Sessions;

namespace Portal.Infra.Orchestration;

/// <summary>Tells open pages that a session changed (launched, moved on by the background service, stopped).</summary>
internal sealed class SessionChangeNotifier(ILogger<SessionChangeNotifier> logger) : ChangeNotifier<SessionChange>(logger)
{
    public SessionChangeNotifier()
        : this(NullLogger<SessionChangeNotifier>.Instance)
    {
    }

    public Task PublishAsync(Session session)
    {
        ArgumentNullException.ThrowIfNull(session);
        return PublishAsync(new SessionChange(session.Id, session.Owner));
    }
}
