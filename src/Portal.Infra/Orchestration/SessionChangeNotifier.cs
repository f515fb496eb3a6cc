using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Portal.Domain.Sessions;

namespace Portal.Infra.Orchestration;

/// <summary>Tells open pages that a session changed. Subscribers are called off the render thread: marshal with InvokeAsync.</summary>
public sealed partial class SessionChangeNotifier
{
    private readonly Lock _gate = new();
    private readonly List<Func<SessionId, Task>> _handlers = [];
    private readonly ILogger<SessionChangeNotifier> _logger;

    public SessionChangeNotifier()
        : this(NullLogger<SessionChangeNotifier>.Instance)
    {
    }

    public SessionChangeNotifier(ILogger<SessionChangeNotifier> logger)
    {
        _logger = logger;
    }

    public IDisposable Subscribe(Func<SessionId, Task> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        lock (_gate)
        {
            _handlers.Add(handler);
        }

        return new Subscription(this, handler);
    }

    /// <summary>Calls every subscriber. A subscriber that fails is logged and skipped: the change it was told about is already saved.</summary>
    public async Task PublishAsync(SessionId id)
    {
        Func<SessionId, Task>[] handlers;
        lock (_gate)
        {
            handlers = [.. _handlers];
        }

        foreach (var handler in handlers)
        {
            try
            {
                await handler(id);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // A page that cannot refresh (its circuit is gone, its reload failed) must not fail the launch, stop or
                // orchestrator pass that published the change, nor keep the other pages from hearing of it.
                LogSubscriberFailed(ex, id.Value);
            }
        }
    }

    private void Unsubscribe(Func<SessionId, Task> handler)
    {
        lock (_gate)
        {
            _handlers.Remove(handler);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A subscriber to changes of session {SessionId} failed")]
    private partial void LogSubscriberFailed(Exception exception, string sessionId);

    private sealed class Subscription(SessionChangeNotifier owner, Func<SessionId, Task> handler) : IDisposable
    {
        public void Dispose() => owner.Unsubscribe(handler);
    }
}
