using Microsoft.Extensions.Logging;

namespace Portal.Infra;

/// <summary>
/// Tells open pages that something changed (a session, a region's foundation). Subscribers are called off the render
/// thread: they marshal with InvokeAsync. A subscriber that fails is logged and skipped: the change it was told about
/// is already saved, and a page that cannot refresh must not fail the caller nor keep other pages from hearing of it.
/// </summary>
/// <typeparam name="TKey">What changed: a session id, a region code.</typeparam>
internal abstract partial class ChangeNotifier<TKey>(ILogger logger) : Portal.Domain.IChangeFeed<TKey>
    where TKey : notnull
{
    private readonly Lock _gate = new();
    private readonly List<Func<TKey, Task>> _handlers = [];

    public IDisposable Subscribe(Func<TKey, Task> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        lock (_gate)
        {
            _handlers.Add(handler);
        }

        return new Subscription(this, handler);
    }

    /// <summary>Calls every subscriber; one that fails is logged and skipped.</summary>
    public async Task PublishAsync(TKey changed)
    {
        Func<TKey, Task>[] handlers;
        lock (_gate)
        {
            handlers = [.. _handlers];
        }

        foreach (var handler in handlers)
        {
            try
            {
                await handler(changed);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                LogSubscriberFailed(ex, changed.ToString() ?? string.Empty);
            }
        }
    }

    private void Unsubscribe(Func<TKey, Task> handler)
    {
        lock (_gate)
        {
            _handlers.Remove(handler);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A subscriber to changes of {Changed} failed")]
    private partial void LogSubscriberFailed(Exception exception, string changed);

    private sealed class Subscription(ChangeNotifier<TKey> owner, Func<TKey, Task> handler) : IDisposable
    {
        public void Dispose() => owner.Unsubscribe(handler);
    }
}
