using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Portal.Domain.Sessions;

namespace Portal.Infra.Orchestration;

/// <summary>Tells open pages that a session changed (launched, moved on by the background service, stopped).</summary>
public sealed class SessionChangeNotifier(ILogger<SessionChangeNotifier> logger) : ChangeNotifier<SessionId>(logger)
{
    public SessionChangeNotifier()
        : this(NullLogger<SessionChangeNotifier>.Instance)
    {
    }
}
