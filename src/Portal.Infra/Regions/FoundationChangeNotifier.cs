using Microsoft.Extensions.Logging;
using Portal.Domain.Regions;

namespace Portal.Infra.Regions;

/// <summary>
/// Tells open Regions pages that an admin asked to create or delete a region's foundation, so that every admin's page
/// looks again at once (and keeps looking while the cloud works). Subscribers are called off the render thread.
/// </summary>
public sealed partial class FoundationChangeNotifier(ILogger<FoundationChangeNotifier> logger)
{
    private readonly Lock _gate = new();
    private readonly List<Func<RegionCode, Task>> _handlers = [];

    public IDisposable Subscribe(Func<RegionCode, Task> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        lock (_gate)
        {
            _handlers.Add(handler);
        }

        return new Subscription(this, handler);
    }

    /// <summary>Calls every subscriber; one that fails is logged and skipped, since the change it hears of already happened.</summary>
    public async Task PublishAsync(RegionCode region)
    {
        Func<RegionCode, Task>[] handlers;
        lock (_gate)
        {
            handlers = [.. _handlers];
        }

        foreach (var handler in handlers)
        {
            try
            {
                await handler(region);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                LogSubscriberFailed(ex, region.Value);
            }
        }
    }

    private void Unsubscribe(Func<RegionCode, Task> handler)
    {
        lock (_gate)
        {
            _handlers.Remove(handler);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A subscriber to foundation changes in {Region} failed")]
    private partial void LogSubscriberFailed(Exception exception, string region);

    private sealed class Subscription(FoundationChangeNotifier owner, Func<RegionCode, Task> handler) : IDisposable
    {
        public void Dispose() => owner.Unsubscribe(handler);
    }
}
