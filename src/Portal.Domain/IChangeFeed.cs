namespace Portal.Domain;

/// <summary>
/// Tells open pages that something changed (a session, a region's foundation). Handlers are called off the render
/// thread: components marshal with InvokeAsync. Dispose the subscription to stop hearing.
/// </summary>
/// <typeparam name="TChange">What changed: a <see cref="Sessions.SessionChange"/>, a region code.</typeparam>
public interface IChangeFeed<TChange>
{
    IDisposable Subscribe(Func<TChange, Task> handler);
}
