using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Domain;
using Portal.Domain.Audit;
using Portal.Domain.Budgets;
using Portal.Domain.Cloud;
using Portal.Domain.Costs;
using Portal.Domain.Datasets;
using Portal.Domain.LaunchPlans;
using Portal.Domain.Quotas;
using Portal.Domain.Sessions;
using Portal.Infra.Audit;
using Portal.Infra.Budgets;
using Portal.Infra.Notebooks;
using Portal.Infra.Orchestration;
using Portal.Infra.Reaper;
using Portal.Infra.Regions;

namespace Portal.Infra.Sessions;

/// <summary>
/// The session use cases behind <see cref="ISessionService"/> and <see cref="ISessionReports"/>: launch (validated once,
/// the plan recorded), list, stop or cancel, retry, extend, rename, open the notebook; the session's own reports (activity,
/// and data locality in <c>SessionService.Locality.cs</c>). Every call checks the actor again. Launches (and launches a
/// budget refused), stops, extensions, retries and resumed clean-ups are recorded in the audit log here, so the pages
/// and the API are covered alike.
/// </summary>
internal sealed partial class SessionService(
    ISessionStore store,
    ISessionLocalityStore localities,
    LaunchPlanner planner,
    DatasetCatalog catalog,
    SessionRequestValidator validator,
    RegionDirectory regions,
    FoundationReadiness foundations,
    Compute.IComputePlacement placement,
    CostEstimator estimator,
    DataVolumeEstimator volumes,
    IPriceSource prices,
    INotebookService notebooks,
    NotebookWriter notebookWriter,
    SessionCostTokens tokens,
    PortalUrls urls,
    IReapedResourceLog reaped,
    SessionChangeNotifier notifier,
    SessionWorkSignal work,
    BudgetLedger budgets,
    IQuotaService quotaService,
    AuditTrail audit,
    IOptions<BudgetOptions> budgetOptions,
    IOptions<OrchestrationOptions> options,
    TimeProvider clock,
    ILogger<SessionService> logger) : ISessionService, ISessionReports
{
    private const string SessionObject = "session";

    private OrchestrationOptions Options => options.Value;

    public SessionPolicy Policy => new(Options.IdleTimeout, Options.StopWarning, Options.MaximumLifetime);

    public async Task<LaunchResult> LaunchAsync(Actor actor, LaunchCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(command);
        var request = command.Request;

        // The same intent again (a double click, a resubmitted form, a retried API call): open what it made.
        var launchKey = string.IsNullOrWhiteSpace(command.LaunchKey) ? null : command.LaunchKey.Trim();
        if (launchKey is { Length: > 64 })
        {
            return new LaunchResult(null, [new(SessionRequestField.Datasets, "The launch key is longer than 64 characters.")]);
        }

        if (launchKey is not null && await store.FindByLaunchKeyAsync(actor.Id, launchKey, cancellationToken) is { } earlier)
        {
            return new LaunchResult(earlier.Id, []);
        }

        // The stored regions, not only this instance's copy: another instance's admin may have disabled one.
        var current = await regions.RefreshAsync(cancellationToken);
        var errors = validator.Validate(request).ToList();
        // A worker region an admin disabled is a refusal, not a typo: it is audited like a budget's, before any cloud call.
        var disabled = SessionRequestValidator.DisabledRegionRefusals(
            current, request.Datasets.Distinct().Where(d => catalog.TryGet(d, out _)).Select(catalog.Get)).ToList();
        if (disabled.Count > 0)
        {
            await audit.RecordAsync(actor, AuditActions.SessionLaunchRefused, SessionObject, SessionId.New().Value, string.Join(" ", disabled), cancellationToken);
        }

        var name = string.IsNullOrWhiteSpace(command.Name) ? SessionName.Default(request) : command.Name.Trim();
        if (SessionName.Problem(name) is { } nameProblem)
        {
            errors.Add(new(SessionRequestField.Name, nameProblem));
        }

        if (errors.Count > 0)
        {
            return new LaunchResult(null, errors);
        }

        if (!command.AllowDuplicate)
        {
            var running = (await store.ListAsync(actor.Id, cancellationToken))
                .FirstOrDefault(s => s.State is SessionState.Requested or SessionState.Provisioning or SessionState.Ready && s.Request.IsSameAs(request));
            if (running is not null)
            {
                return new LaunchResult(null, [], running.Id);
            }
        }

        var id = SessionId.New();
        // Where it runs is decided now and recorded with the steps (the cloud, or real processes in the sandbox).
        var plan = placement.Place(planner.Plan(id, request));
        var unready = await foundations.CheckAsync(plan, cancellationToken);
        if (unready.Count > 0)
        {
            return new LaunchResult(null, unready);
        }

        var estimate = Estimate(await prices.GetPriceBookAsync(cancellationToken), request);
        // Budgets are checked here, in the use case, so that the pages, the API and repeated submits all obey them.
        if (await CheckBudgetsAsync(actor, actor.Id, actor.Groups, estimate.TotalUsd, estimate.Hours, cancellationToken) is { } refusal)
        {
            await audit.RecordAsync(actor, AuditActions.SessionLaunchRefused, SessionObject, id.Value, refusal, cancellationToken);
            return new LaunchResult(null, [new(SessionRequestField.Budget, refusal)]);
        }

        // Portal limits and the cloud's service quotas, before any stack or notebook exists (the orchestrator creates them later).
        var quotaCheck = await CheckQuotasAsync(actor, id, plan, request.MaximumHours, cancellationToken);
        if (!quotaCheck.IsAllowed)
        {
            return new LaunchResult(null, [.. quotaCheck.Refusals.Select(r => new FieldError(SessionRequestField.Quota, r))]);
        }

        // Each resource carries its own rate, so its cost stops when it is deleted, whatever the others do.
        var steps = plan.ToSteps(SessionTags.For(id, actor.Name), NotebookWriter.FileName(id))
            .Select(step => step with { HourlyUsd = estimate.HourlyUsdOf(PartOf(step.Kind), step.Region) })
            .ToList();
        var launch = new SessionLaunch(name, launchKey, plan.SchedulerAddress, estimate.HourlyUsd, quotaCheck.IdleTimeout, Options.CleanUpFailedSessions, steps);
        var session = Session.Create(id, actor, request, launch, clock.GetUtcNow());
        // The notebook is written once, now, from the plan; its token is put in when the instance is created.
        session.AttachNotebookDocument(notebookWriter.Write(session, plan, urls.BaseUri, NotebookWriter.TokenPlaceholder, placement.DataRoot).Content);

        var stored = await store.AddAsync(session, cancellationToken);
        if (stored != id)
        {
            // Another submit with the same key got there first: that session is this intent's.
            return new LaunchResult(stored, []);
        }

        await store.AppendEventsAsync(
            [new SessionEvent(id, session.CreatedAt, null, null, string.Create(CultureInfo.InvariantCulture, $"Launched by {actor.Name}: {plan.Pools.Count} worker pool(s), estimated {estimate.HourlyUsd:0.00} USD per hour."))],
            cancellationToken);
        LogLaunched(id.Value, actor.Name, plan.Pools.Count);
        await audit.RecordAsync(actor, AuditActions.SessionLaunch, SessionObject, id.Value,
            string.Create(CultureInfo.InvariantCulture, $"Launched '{name}': {plan.Pools.Count} worker pool(s), estimated {estimate.HourlyUsd:0.00} USD per hour."), cancellationToken);
        work.Wake(id);
        await notifier.PublishAsync(session);
        return new LaunchResult(id, []);
    }

    private static CostPart PartOf(StepKind kind) => kind switch
    {
        StepKind.Scheduler => CostPart.Scheduler,
        StepKind.Notebook => CostPart.Notebook,
        _ => CostPart.Workers,
    };

    public CostEstimate Estimate(PriceBook priceBook, SessionRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var regions = request.Datasets
            .Where(d => catalog.TryGet(d, out _))
            .Select(d => catalog.Get(d).Location.Region);
        return estimator.Estimate(priceBook, regions, request.WorkersPerRegion, request.WorkerSize, request.MaximumHours, volumes.For(request));
    }

    public Task<PriceBook> GetPriceBookAsync(CancellationToken cancellationToken) => prices.GetPriceBookAsync(cancellationToken);

    public async Task<Session?> FindAsync(Actor actor, SessionId id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var session = await store.FindAsync(id, cancellationToken);
        return session is not null && actor.CanAccess(session) ? session : null;
    }

    public async Task<IReadOnlyList<Session>> ListAsync(Actor actor, bool everyone, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var all = everyone && actor.IsAdmin;
        var sessions = await store.ListAsync(all ? null : actor.Id, cancellationToken);
        // Admins see first what needs them.
        return all ? [.. sessions.OrderByDescending(s => s.State == SessionState.NeedsAttention)] : sessions;
    }

    public async Task<StepDurations> GetStepDurationsAsync(CancellationToken cancellationToken) =>
        StepDurations.Learn(await store.ListAsync(owner: null, cancellationToken));

    public async Task<IReadOnlyList<SessionEvent>> ListEventsAsync(Actor actor, SessionId id, CancellationToken cancellationToken) =>
        await FindAsync(actor, id, cancellationToken) is null ? [] : await store.ListEventsAsync(id, cancellationToken);

    public async Task<SessionCommandResult> StopAsync(Actor actor, SessionId id, CancellationToken cancellationToken)
    {
        var session = await FindAsync(actor, id, cancellationToken);
        if (session is null)
        {
            return SessionCommandResult.NotFound;
        }

        if (session.State is SessionState.Stopping or SessionState.Stopped || (session.State == SessionState.Failed && session.HasEnded))
        {
            return new(SessionCommandOutcome.Unchanged, "The session is already stopped, or stopping.");
        }

        if (session.State == SessionState.NeedsAttention)
        {
            return new(SessionCommandOutcome.Refused, "Its clean-up needs an operator: an admin removes what blocks it, then presses Retry clean-up.");
        }

        var cancelling = session.State is SessionState.Requested or SessionState.Provisioning;
        var reason = cancelling ? $"Cancelled by {actor.Name} while provisioning." : $"Stopped by {actor.Name}.";
        var action = session.Owner == actor.Id ? AuditActions.SessionStop : AuditActions.SessionForceStop;
        return await CommandAsync(actor, id, action, s => s.RequestStop(clock.GetUtcNow(), reason), reason,
            cancelling ? "Cancelling: everything started is being deleted." : "Stopping: the notebook and every stack are being deleted.", cancellationToken);
    }

    public async Task<SessionCommandResult> RetryAsync(Actor actor, SessionId id, CancellationToken cancellationToken)
    {
        var session = await FindAsync(actor, id, cancellationToken);
        if (session is null)
        {
            return SessionCommandResult.NotFound;
        }

        if (session.State != SessionState.Failed)
        {
            return new(SessionCommandOutcome.Refused, $"Only a failed session can be retried; this one is {session.State}.");
        }

        if (session.Steps.Any(s => s.Status == StepStatus.InProgress))
        {
            return new(SessionCommandOutcome.Refused, "A step is still finishing (a stack rolling back); retry once it has, in a minute or two.");
        }

        // A retry starts the lifetime again: it could cost the launch estimate for the maximum hours once more.
        var hours = session.Request.MaximumHours;
        var upTo = decimal.Round(session.HourlyCostUsd * hours, 2, MidpointRounding.AwayFromZero);
        if (await CheckBudgetsAsync(actor, session.Owner, session.OwnerGroups, upTo, hours, cancellationToken) is { } refusal)
        {
            var message = refusal.Replace("This launch", "This retry", StringComparison.Ordinal);
            await audit.RecordAsync(actor, AuditActions.SessionRetry, SessionObject, id.Value, $"Refused: {message}", cancellationToken);
            return new(SessionCommandOutcome.Refused, message);
        }

        if (await quotaService.CheckRetryAsync(session, cancellationToken) is { Count: > 0 } quotaRefusals)
        {
            var message = string.Join(" ", quotaRefusals).Replace("This launch", "This retry", StringComparison.Ordinal);
            await audit.RecordAsync(actor, AuditActions.SessionRetry, SessionObject, id.Value, $"Refused: {message}", cancellationToken);
            return new(SessionCommandOutcome.Refused, message);
        }

        var again = string.Join(", ", session.Steps.Where(s => s.Status is not (StepStatus.Complete or StepStatus.Pending)).Select(s => s.ResourceName));
        return await CommandAsync(actor, id, AuditActions.SessionRetry, s => s.Retry(clock.GetUtcNow()), $"Retry requested by {actor.Name}: creating {again} again; the rest is kept.",
            "Retrying: what failed is created again.", cancellationToken);
    }

    public async Task<SessionCommandResult> ExtendAsync(Actor actor, SessionId id, SessionExtension extension, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(extension);
        var session = await FindAsync(actor, id, cancellationToken);
        if (session is null)
        {
            return SessionCommandResult.NotFound;
        }

        if (extension.Hours == 0)
        {
            if (session.State != SessionState.Ready)
            {
                return new(SessionCommandOutcome.Refused, "Only a ready session can be kept from its idle stop.");
            }

            var until = clock.GetUtcNow() + session.IdleTimeout;
            return await CommandAsync(actor, id, AuditActions.SessionExtend, s => s.ExtendIdle(clock.GetUtcNow()),
                $"Extended by {actor.Name}: the idle stop moves to {until:HH:mm} UTC.", $"Extended: it stops when idle from {until:HH:mm} UTC.", cancellationToken);
        }

        var by = TimeSpan.FromHours(extension.Hours);
        if (session.LifetimeExtensionProblem(by, Options.MaximumLifetime) is { } problem)
        {
            return new(SessionCommandOutcome.Refused, problem);
        }

        var expires = session.ExpiresAt + by;
        return await CommandAsync(actor, id, AuditActions.SessionExtend, s => s.ExtendLifetime(by, Options.MaximumLifetime),
            $"Extended by {actor.Name} by {extension.Hours} h: it stops by itself at {expires:yyyy-MM-dd HH:mm} UTC.",
            $"Extended: it stops by itself at {expires:yyyy-MM-dd HH:mm} UTC.", cancellationToken);
    }

    public async Task<SessionCommandResult> RenameAsync(Actor actor, SessionId id, string name, CancellationToken cancellationToken)
    {
        if (SessionName.Problem(name) is { } problem)
        {
            return new(SessionCommandOutcome.Refused, problem);
        }

        return await FindAsync(actor, id, cancellationToken) is null
            ? SessionCommandResult.NotFound
            : await CommandAsync(actor, id, null, s => s.Rename(name), null, "Renamed.", cancellationToken);
    }

    public async Task<SessionCommandResult> ResumeCleanUpAsync(Actor actor, SessionId id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.IsAdmin)
        {
            return new(SessionCommandOutcome.Refused, "Only a Portal.Admin can retry a clean-up.");
        }

        var session = await FindAsync(actor, id, cancellationToken);
        if (session is null)
        {
            return SessionCommandResult.NotFound;
        }

        if (session.State != SessionState.NeedsAttention)
        {
            return new(SessionCommandOutcome.Unchanged, $"The session is {session.State}; it does not need attention.");
        }

        return await CommandAsync(actor, id, AuditActions.SessionResumeCleanUp, s => s.RequestStop(clock.GetUtcNow(), $"Clean-up resumed by {actor.Name}."),
            $"Clean-up resumed by {actor.Name}.", "Deleting again.", cancellationToken);
    }

    public async Task<NotebookLinkResult> CreateNotebookLinkAsync(Actor actor, SessionId id, CancellationToken cancellationToken)
    {
        var session = await FindAsync(actor, id, cancellationToken);
        if (session is null)
        {
            return new NotebookLinkResult(null, SessionCommandResult.NotFound.Message);
        }

        if (session.State != SessionState.Ready)
        {
            return new NotebookLinkResult(null, $"The notebook opens once the session is Ready; it is {session.State}.");
        }

        var notebook = session.Steps.Single(s => s.Kind == StepKind.Notebook);
        try
        {
            var url = await notebooks.CreatePresignedUrlAsync(notebook.Region, notebook.ResourceName, Options.NotebookSessionExpiry, cancellationToken);
            LogNotebookOpened(id.Value, actor.Name);
            return new NotebookLinkResult(url, null);
        }
        catch (CloudOperationException ex)
        {
            return new NotebookLinkResult(null, $"The notebook could not be opened: {ex.Message}");
        }
    }

    public async Task<IReadOnlyList<ReapedResource>> ListReapedAsync(Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return actor.IsAdmin ? await reaped.ListAsync(cancellationToken) : [];
    }

    public async Task<Session?> FindWithTokenAsync(SessionId id, string token, CancellationToken cancellationToken) =>
        tokens.IsValidFor(token, id) ? await store.FindAsync(id, cancellationToken) : null;

    public async Task<bool> ReportActivityAsync(SessionId id, string token, ActivitySource source, CancellationToken cancellationToken)
    {
        if (!tokens.IsValidFor(token, id))
        {
            return false;
        }

        var now = clock.GetUtcNow();
        var saved = await store.UpdateAsync(id, s => s.RecordActivity(now), cancellationToken);
        if (saved is not null)
        {
            LogActivity(id.Value, source);
            await notifier.PublishAsync(saved);
        }

        return saved is not null;
    }

    /// <summary>Why the budgets covering the session's owner refuse a launch that could cost <paramref name="upToUsd"/>, or null.</summary>
    private async Task<string?> CheckBudgetsAsync(
        Actor actor, string ownerId, IReadOnlyCollection<string> groups, decimal upToUsd, int hours, CancellationToken cancellationToken)
    {
        var statuses = await budgets.ListForAsync(ownerId, groups, cancellationToken);
        var decision = BudgetCheck.ForLaunch(statuses, actor.IsAdmin, upToUsd, hours, budgetOptions.Value.AdminContact);
        if (decision.IsAllowed)
        {
            return null;
        }

        LogBudgetRefused(actor.Name, decision.RefusedBy!.Budget.Id);
        return decision.Message;
    }

    /// <summary>
    /// The quota check of a launch (<see cref="IQuotaService.CheckLaunchAsync"/>): a refusal is recorded as
    /// <c>session.launch-refused</c> with every reason, and nothing is created.
    /// </summary>
    private async Task<LaunchQuotaDecision> CheckQuotasAsync(Actor actor, SessionId id, LaunchPlan plan, int maximumHours, CancellationToken cancellationToken)
    {
        var decision = await quotaService.CheckLaunchAsync(actor, plan, maximumHours, cancellationToken);
        if (!decision.IsAllowed)
        {
            await audit.RecordAsync(actor, AuditActions.SessionLaunchRefused, SessionObject, id.Value, string.Join(" ", decision.Refusals), cancellationToken);
        }

        return decision;
    }

    /// <summary>
    /// Applies a user's command in one unit of work; a command the session no longer accepts says why. An audited
    /// command (<paramref name="auditAction"/> not null) is recorded once it is done or refused by the session.
    /// </summary>
    private async Task<SessionCommandResult> CommandAsync(
        Actor actor, SessionId id, string? auditAction, Action<Session> change, string? activity, string done, CancellationToken cancellationToken)
    {
        Session? saved;
        try
        {
            saved = await store.UpdateAsync(id, change, cancellationToken);
        }
        catch (DomainException ex)
        {
            if (auditAction is not null)
            {
                await audit.RecordAsync(actor, auditAction, SessionObject, id.Value, $"Refused: {ex.Message}", cancellationToken);
            }

            return new(SessionCommandOutcome.Refused, ex.Message);
        }

        if (saved is null)
        {
            return SessionCommandResult.NotFound;
        }

        if (activity is not null)
        {
            await store.AppendEventsAsync([new SessionEvent(id, clock.GetUtcNow(), null, null, activity)], cancellationToken);
        }

        LogCommand(id.Value, actor.Name, done);
        if (auditAction is not null)
        {
            await audit.RecordAsync(actor, auditAction, SessionObject, id.Value, activity ?? done, cancellationToken);
        }

        work.Wake(id);
        await notifier.PublishAsync(saved);
        return new(SessionCommandOutcome.Done, done);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Session {SessionId} launched by {User} with {PoolCount} worker pool(s)")]
    private partial void LogLaunched(string sessionId, string user, int poolCount);

    [LoggerMessage(Level = LogLevel.Information, Message = "Launch by {User} refused by budget {BudgetId}")]
    private partial void LogBudgetRefused(string user, string budgetId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Session {SessionId}: {User}: {Outcome}")]
    private partial void LogCommand(string sessionId, string user, string outcome);

    [LoggerMessage(Level = LogLevel.Information, Message = "Session {SessionId}: presigned notebook URL issued to {User}")]
    private partial void LogNotebookOpened(string sessionId, string user);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Session {SessionId}: activity reported by its {Source}")]
    private partial void LogActivity(string sessionId, ActivitySource source);
}
