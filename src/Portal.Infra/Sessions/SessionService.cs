using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Domain.Cloud;
using Portal.Domain.Costs;
using Portal.Domain.Datasets;
using Portal.Domain.LaunchPlans;
using Portal.Domain.Sessions;
using Portal.Infra.Orchestration;
using Portal.Infra.Regions;

namespace Portal.Infra.Sessions;

/// <summary>
/// What pages and the API do with sessions: launch, list, stop, open the notebook. Every call checks the actor
/// again, whatever the page already checked.
/// </summary>
public sealed partial class SessionService(
    ISessionStore store,
    LaunchPlanner planner,
    DatasetCatalog catalog,
    SessionRequestValidator validator,
    FoundationReadiness foundations,
    CostEstimator estimator,
    IPriceSource prices,
    INotebookService notebooks,
    SessionChangeNotifier notifier,
    IOptions<OrchestrationOptions> options,
    TimeProvider clock,
    ILogger<SessionService> logger)
{
    public async Task<LaunchResult> LaunchAsync(Actor actor, SessionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(request);
        var errors = validator.Validate(request);
        if (errors.Count > 0)
        {
            return new LaunchResult(null, errors);
        }

        var id = SessionId.New();
        var plan = planner.Plan(id, request);
        var unready = await foundations.CheckAsync(plan, cancellationToken);
        if (unready.Count > 0)
        {
            return new LaunchResult(null, unready);
        }

        var estimate = Estimate(await prices.GetPriceBookAsync(cancellationToken), request);
        var session = Session.Create(id, actor, request, plan, estimate.HourlyUsd, clock.GetUtcNow());
        await store.AddAsync(session, cancellationToken);
        await store.AppendEventsAsync(
            [new SessionEvent(id, session.CreatedAt, null, null, string.Create(CultureInfo.InvariantCulture, $"Launched by {actor.Name}: {plan.Pools.Count} worker pool(s), estimated {estimate.HourlyUsd:0.00} USD per hour."))],
            cancellationToken);
        LogLaunched(id.Value, actor.Name, plan.Pools.Count);
        await notifier.PublishAsync(id);
        return new LaunchResult(id, []);
    }

    /// <summary>The estimate for a request, even a partial one: regions come from the selected datasets.</summary>
    public CostEstimate Estimate(PriceBook priceBook, SessionRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var regions = request.Datasets
            .Where(d => catalog.TryGet(d, out _))
            .Select(d => catalog.Get(d).Location.Region);
        return estimator.Estimate(priceBook, regions, request.WorkersPerRegion, request.WorkerSize, request.MaximumHours);
    }

    public Task<PriceBook> GetPriceBookAsync(CancellationToken cancellationToken) => prices.GetPriceBookAsync(cancellationToken);

    /// <summary>The session, or null when it does not exist or the actor may not see it.</summary>
    public async Task<Session?> FindAsync(Actor actor, SessionId id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var session = await store.FindAsync(id, cancellationToken);
        return session is not null && actor.CanAccess(session) ? session : null;
    }

    /// <summary>A session for a caller that proved, with the session's cost token, that it is that session's notebook.</summary>
    public Task<Session?> FindForCostTokenAsync(SessionId id, CancellationToken cancellationToken) => store.FindAsync(id, cancellationToken);

    /// <summary>The actor's own sessions; an admin asking for everyone's gets every session.</summary>
    public Task<IReadOnlyList<Session>> ListAsync(Actor actor, bool everyone, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return store.ListAsync(everyone && actor.IsAdmin ? null : actor.Id, cancellationToken);
    }

    public async Task<IReadOnlyList<SessionEvent>> ListEventsAsync(Actor actor, SessionId id, CancellationToken cancellationToken) =>
        await FindAsync(actor, id, cancellationToken) is null ? [] : await store.ListEventsAsync(id, cancellationToken);

    public async Task<StopResult> StopAsync(Actor actor, SessionId id, CancellationToken cancellationToken)
    {
        var session = await FindAsync(actor, id, cancellationToken);
        if (session is null)
        {
            return StopResult.NotFound;
        }

        if (session.State is SessionState.Stopping or SessionState.Stopped)
        {
            return StopResult.AlreadyStopped;
        }

        var now = clock.GetUtcNow();
        await store.UpdateAsync(id, s => s.RequestStop(now), cancellationToken);
        await store.AppendEventsAsync([new SessionEvent(id, now, null, null, $"Stop requested by {actor.Name}.")], cancellationToken);
        LogStopRequested(id.Value, actor.Name);
        await notifier.PublishAsync(id);
        return StopResult.Stopping;
    }

    /// <summary>Asks the cloud for a fresh presigned notebook URL, at the moment the user clicks. Never log the URL.</summary>
    public async Task<NotebookLinkResult> CreateNotebookLinkAsync(Actor actor, SessionId id, CancellationToken cancellationToken)
    {
        var session = await FindAsync(actor, id, cancellationToken);
        if (session is null)
        {
            return new NotebookLinkResult(null, "This session does not exist, or it is not yours.");
        }

        if (session.State != SessionState.Ready)
        {
            return new NotebookLinkResult(null, $"The notebook opens once the session is Ready; it is {session.State}.");
        }

        var notebook = session.Steps.Single(s => s.Kind == StepKind.Notebook);
        try
        {
            var url = await notebooks.CreatePresignedUrlAsync(notebook.Region, notebook.ResourceName, options.Value.NotebookSessionExpiry, cancellationToken);
            LogNotebookOpened(id.Value, actor.Name);
            return new NotebookLinkResult(url, null);
        }
        catch (CloudOperationException ex)
        {
            return new NotebookLinkResult(null, $"The notebook could not be opened: {ex.Message}");
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Session {SessionId} launched by {User} with {PoolCount} worker pool(s)")]
    private partial void LogLaunched(string sessionId, string user, int poolCount);

    [LoggerMessage(Level = LogLevel.Information, Message = "Session {SessionId}: stop requested by {User}")]
    private partial void LogStopRequested(string sessionId, string user);

    [LoggerMessage(Level = LogLevel.Information, Message = "Session {SessionId}: presigned notebook URL issued to {User}")]
    private partial void LogNotebookOpened(string sessionId, string user);
}
