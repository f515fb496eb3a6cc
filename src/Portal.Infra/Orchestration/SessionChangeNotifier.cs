using Portal.Domain.Sessions;

namespace Portal.Infra.Orchestration;

/// <summary>Tells open pages that a session changed. Subscribers are called off the render thread: marshal with InvokeAsync.</summary>
public sealed class SessionChangeNotifier
{
    private readonly Lock _gate = new();
    private readonly List<Func<SessionId, Task>> _handlers = [];

    public IDisposable Subscribe(Func<SessionId, Task> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        lock (_gate)
        {
            _handlers.Add(handler);
        }

        return new Subscription(this, handler);
    }

    public async Task PublishAsync(SessionId id)
    {
        Func<SessionId, Task>[] handlers;
        lock (_gate)
        {
            handlers = [.. _handlers];
        }

        foreach (var handler in handlers)
        {
            await handler(id);
        }
    }

    private void Unsubscribe(Func<SessionId, Task> handler)
    {
        lock (_gate)
        {
            _handlers.Remove(handler);
        }
    }

    private sealed class Subscription(SessionChangeNotifier owner, Func<SessionId, Task> handler) : IDisposable
    {
        public void Dispose() => owner.Unsubscribe(handler);
    }
}
