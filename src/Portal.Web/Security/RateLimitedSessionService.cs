using System.Globalization;
using Portal.Domain.Costs;
using Portal.Domain.Sessions;

namespace Portal.Web.Security;

/// <summary>The session service with a limit on launches per user; everything else passes through unchanged.</summary>
internal sealed class RateLimitedSessionService(ISessionService inner, LaunchRateLimiter limiter) : ISessionService
{
    public SessionPolicy Policy => inner.Policy;

    /// <summary>The message of a launch refused by the limit: says how long to wait, in whole seconds.</summary>
    public static string Message(TimeSpan wait) =>
        string.Create(CultureInfo.InvariantCulture, $"Too many launches: wait {Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds))} seconds.");

    public Task<LaunchResult> LaunchAsync(Actor actor, LaunchCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return limiter.TryTake(actor.Id) is { } wait
            ? Task.FromResult(new LaunchResult(null, [new FieldError(SessionRequestField.Name, Message(wait))]))
            : inner.LaunchAsync(actor, command, cancellationToken);
    }

    public CostEstimate Estimate(PriceBook priceBook, SessionRequest request) => inner.Estimate(priceBook, request);

    public Task<PriceBook> GetPriceBookAsync(CancellationToken cancellationToken) => inner.GetPriceBookAsync(cancellationToken);

    public Task<Session?> FindAsync(Actor actor, SessionId id, CancellationToken cancellationToken) => inner.FindAsync(actor, id, cancellationToken);

    public Task<IReadOnlyList<Session>> ListAsync(Actor actor, bool everyone, CancellationToken cancellationToken) => inner.ListAsync(actor, everyone, cancellationToken);

    public Task<IReadOnlyList<SessionEvent>> ListEventsAsync(Actor actor, SessionId id, CancellationToken cancellationToken) => inner.ListEventsAsync(actor, id, cancellationToken);

    public Task<StepDurations> GetStepDurationsAsync(CancellationToken cancellationToken) => inner.GetStepDurationsAsync(cancellationToken);

    public Task<DataLocality?> FindLocalityAsync(Actor actor, SessionId id, CancellationToken cancellationToken) => inner.FindLocalityAsync(actor, id, cancellationToken);

    public Task<SessionCommandResult> StopAsync(Actor actor, SessionId id, CancellationToken cancellationToken) => inner.StopAsync(actor, id, cancellationToken);

    public Task<SessionCommandResult> RetryAsync(Actor actor, SessionId id, CancellationToken cancellationToken) => inner.RetryAsync(actor, id, cancellationToken);

    public Task<SessionCommandResult> ExtendAsync(Actor actor, SessionId id, SessionExtension extension, CancellationToken cancellationToken) =>
        inner.ExtendAsync(actor, id, extension, cancellationToken);

    public Task<SessionCommandResult> RenameAsync(Actor actor, SessionId id, string name, CancellationToken cancellationToken) => inner.RenameAsync(actor, id, name, cancellationToken);

    public Task<SessionCommandResult> ResumeCleanUpAsync(Actor actor, SessionId id, CancellationToken cancellationToken) => inner.ResumeCleanUpAsync(actor, id, cancellationToken);

    public Task<NotebookLinkResult> CreateNotebookLinkAsync(Actor actor, SessionId id, CancellationToken cancellationToken) => inner.CreateNotebookLinkAsync(actor, id, cancellationToken);

    public Task<IReadOnlyList<ReapedResource>> ListReapedAsync(Actor actor, CancellationToken cancellationToken) => inner.ListReapedAsync(actor, cancellationToken);
}
