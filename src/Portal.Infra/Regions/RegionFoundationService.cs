using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Domain.Audit;
using Portal.Domain.Cloud;
using Portal.Domain.Regions;
using Portal.Domain.Sessions;
using Portal.Infra.Audit;

namespace Portal.Infra.Regions;

/// <summary>
/// What the Regions page does with worker-region foundations: read their status, create one, delete one. Only admins
/// may; every call checks the actor again, whatever the page already checked. Every create and delete asked for is
/// recorded in the audit log with its outcome.
/// </summary>
internal sealed partial class RegionFoundationService(
    RegionFoundationPlanner planner,
    IRegionDirectory regions,
    IStackDeployer stacks,
    IDataRepositoryAssociations associations,
    ISessionStore sessions,
    FoundationChangeNotifier notifier,
    AuditTrail audit,
    IOptions<FoundationOptions> options,
    TimeProvider clock,
    ILogger<RegionFoundationService> logger) : IRegionFoundations
{
    private const int RecentEventCount = IRegionFoundations.RecentEventCount;

    public TimeSpan StatusPollInterval => options.Value.StatusPollInterval;

    public bool RequiredForSessions => options.Value.RequireForSessions == true;

    /// <summary>The associations of a worker region's file system; empty for anyone but an admin, or for a region that is not a worker.</summary>
    public async Task<IReadOnlyList<DataRepositoryLink>> ListAssociationsAsync(Actor actor, RegionCode region, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return actor.IsAdmin && WorkerOrNull(region) is not null ? await associations.ListAsync(region, cancellationToken) : [];
    }

    private const string AdminsOnly = "Only a Portal.Admin can manage region foundations.";

    /// <summary>The stack a create would make for <paramref name="region"/>, or the reasons none can be made.</summary>
    public FoundationPlanResult Plan(Actor actor, RegionCode region)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.IsAdmin)
        {
            return new FoundationPlanResult(null, [AdminsOnly]);
        }

        var missing = MissingSettings();
        if (missing.Count > 0)
        {
            return new FoundationPlanResult(null, missing);
        }

        var home = HomeOutputs();
        var problems = planner.Validate(region, home);
        return problems.Count > 0
            ? new FoundationPlanResult(null, problems)
            : new FoundationPlanResult(planner.Plan(region, home), []);
    }

    /// <summary>The foundation of every worker region, in catalogue order; empty for anyone but an admin.</summary>
    public async Task<IReadOnlyList<RegionFoundationState>> ListAsync(Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.IsAdmin)
        {
            return [];
        }

        // Each region is its own endpoint: ask them side by side.
        return await Task.WhenAll(regions.Current.Workers.Select(r => DescribeAsync(r, cancellationToken)));
    }

    /// <summary>The foundation of one worker region; null for anyone but an admin, or for a region that is not a worker.</summary>
    public async Task<RegionFoundationState?> GetAsync(Actor actor, RegionCode region, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return actor.IsAdmin && WorkerOrNull(region) is { } worker ? await DescribeAsync(worker, cancellationToken) : null;
    }

    /// <summary>Starts creating the region's foundation. Asking again while it is being created, or once it is ready, changes nothing.</summary>
    public async Task<FoundationCommandResult> CreateAsync(Actor actor, RegionCode region, CancellationToken cancellationToken)
    {
        var result = await CreateCoreAsync(actor, region, cancellationToken);
        await audit.RecordAsync(actor, AuditActions.RegionCreate, "region", region.Value, $"{result.Outcome}: {result.Message}", cancellationToken);
        return result;
    }

    private async Task<FoundationCommandResult> CreateCoreAsync(Actor actor, RegionCode region, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.IsAdmin)
        {
            return new FoundationCommandResult(FoundationCommandOutcome.Forbidden, AdminsOnly);
        }

        var plan = Plan(actor, region);
        if (plan.Spec is not { } spec)
        {
            return new FoundationCommandResult(FoundationCommandOutcome.Refused, string.Join(" ", plan.Problems));
        }

        var current = await DescribeAsync(regions.Current.Get(region), cancellationToken);
        switch (current.Status)
        {
            case FoundationStatus.Creating:
                return new FoundationCommandResult(FoundationCommandOutcome.Unchanged, $"The foundation of {region} is already being created.");
            case FoundationStatus.Ready:
                return new FoundationCommandResult(FoundationCommandOutcome.Unchanged, $"The foundation of {region} already exists and is ready.");
            case FoundationStatus.Deleting:
                return new FoundationCommandResult(FoundationCommandOutcome.Refused,
                    $"The foundation of {region} is being deleted. Create it again once it is gone.");
            case FoundationStatus.Failed:
                return new FoundationCommandResult(FoundationCommandOutcome.Refused,
                    $"The foundation of {region} failed ({current.Reason}). Delete it first: CloudFormation keeps a failed stack's name until it is deleted.");
            case FoundationStatus.Unknown:
                return new FoundationCommandResult(FoundationCommandOutcome.Failed, current.Reason ?? $"The status of {region}'s foundation is unknown.");
            default:
                break;
        }

        var now = clock.GetUtcNow();
        var request = new StackCreateRequest(region, spec.StackName, spec.Template, spec.Parameters, FoundationRequests.Tags(actor, region), FoundationRequests.CreateToken(spec, now))
        {
            TimeoutInMinutes = options.Value.CreateTimeoutInMinutes,
        };
        try
        {
            CreateOutcome outcome;
            try
            {
                outcome = await stacks.CreateStackAsync(request, cancellationToken);
            }
            catch (CloudOperationException ex) when (ex.ErrorCode == "TokenAlreadyExistsException")
            {
                // The same parameters on the same day after a delete: a token CloudFormation has seen is another request's.
                outcome = await stacks.CreateStackAsync(request with { ClientRequestToken = FoundationRequests.FreshCreateToken(spec, now) }, cancellationToken);
            }

            LogCreateStarted(region.Value, spec.StackName, actor.Name, outcome.AlreadyExisted);
            await notifier.PublishAsync(region);
            return outcome.AlreadyExisted
                ? new FoundationCommandResult(FoundationCommandOutcome.Unchanged, $"The foundation of {region} is already being created.")
                : new FoundationCommandResult(FoundationCommandOutcome.Started,
                    $"Creating {spec.StackName} in {region}: FSx for Lustre takes about 10 minutes, the Transit Gateway peering a few more; 20 to 30 minutes in all.");
        }
        catch (CloudOperationException ex)
        {
            LogCommandFailed(ex, "create", region.Value, ex.ErrorCode);
            return new FoundationCommandResult(FoundationCommandOutcome.Failed, $"The foundation of {region} could not be created: {ex.Message}");
        }
    }

    /// <summary>
    /// Starts deleting the region's foundation; refused while a session that uses the region is not stopped (its workers
    /// run on the foundation's network and file system). Deleting a foundation that does not exist changes nothing.
    /// </summary>
    public async Task<FoundationCommandResult> DeleteAsync(Actor actor, RegionCode region, CancellationToken cancellationToken)
    {
        var result = await DeleteCoreAsync(actor, region, cancellationToken);
        await audit.RecordAsync(actor, AuditActions.RegionDelete, "region", region.Value, $"{result.Outcome}: {result.Message}", cancellationToken);
        return result;
    }

    private async Task<FoundationCommandResult> DeleteCoreAsync(Actor actor, RegionCode region, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.IsAdmin)
        {
            return new FoundationCommandResult(FoundationCommandOutcome.Forbidden, AdminsOnly);
        }

        if (WorkerOrNull(region) is not { } worker)
        {
            return new FoundationCommandResult(FoundationCommandOutcome.Refused, $"{region} is not a worker region: it has no foundation the portal manages.");
        }

        var current = await DescribeAsync(worker, cancellationToken);
        switch (current.Status)
        {
            case FoundationStatus.None:
                return new FoundationCommandResult(FoundationCommandOutcome.Unchanged, $"There is no foundation in {region} to delete.");
            case FoundationStatus.Deleting:
                return new FoundationCommandResult(FoundationCommandOutcome.Unchanged, $"The foundation of {region} is already being deleted.");
            case FoundationStatus.Unknown:
                return new FoundationCommandResult(FoundationCommandOutcome.Failed, current.Reason ?? $"The status of {region}'s foundation is unknown.");
            default:
                break;
        }

        var users = (await sessions.ListAsync(null, cancellationToken))
            .Where(s => !s.HasEnded && s.Steps.Any(step => step.Region == region))
            .ToList();
        if (users.Count > 0)
        {
            var listed = string.Join(", ", users.Take(5).Select(s => $"{s.Id} ({s.State})")) + (users.Count > 5 ? $" and {users.Count - 5} more" : string.Empty);
            return new FoundationCommandResult(FoundationCommandOutcome.Refused,
                $"{users.Count} session(s) use {region} and are not stopped: {listed}. Stop them first (a failed session too: stopping deletes "
                + "what it created); their workers run on this foundation's network and file system.");
        }

        try
        {
            await stacks.DeleteStackAsync(region, current.StackName, FoundationRequests.DeleteToken(current, clock.GetUtcNow()), cancellationToken);
        }
        catch (CloudOperationException ex)
        {
            LogCommandFailed(ex, "delete", region.Value, ex.ErrorCode);
            return new FoundationCommandResult(FoundationCommandOutcome.Failed, $"The foundation of {region} could not be deleted: {ex.Message}");
        }

        LogDeleteStarted(region.Value, current.StackName, actor.Name);
        await notifier.PublishAsync(region);
        return new FoundationCommandResult(FoundationCommandOutcome.Started,
            $"Deleting {current.StackName} in {region}: the file system, the peering and the network go with it; this takes several minutes.");
    }

    private static string FailureReason(StackDescription stack, IReadOnlyList<StackEvent> newestFirst)
    {
        // A failed delete is explained by its newest failure; a failed create by its first (the rest are rollback noise).
        var failure = stack.Status == StackStatuses.DeleteFailed
            ? newestFirst.FirstOrDefault(e => e.ResourceStatus == StackStatuses.DeleteFailed && e.LogicalResourceId != stack.StackName && e.ResourceStatusReason is { Length: > 0 })
            : newestFirst.LastOrDefault(e => e.ResourceStatus == StackStatuses.CreateFailed && e.ResourceStatusReason is { Length: > 0 });
        return failure is not null
            ? $"{failure.LogicalResourceId}: {failure.ResourceStatusReason}"
            : stack.StatusReason ?? stack.Status;
    }

    private Region? WorkerOrNull(RegionCode region) =>
        regions.Current.Find(region) is { Role: RegionRole.Worker } worker ? worker : null;

    private HomeFoundationOutputs HomeOutputs() =>
        new(options.Value.HomeTransitGatewayId ?? string.Empty, options.Value.HomeHostedZoneId ?? string.Empty);

    private List<string> MissingSettings()
    {
        var missing = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Value.HomeTransitGatewayId))
        {
            missing.Add($"{FoundationOptions.SectionName}:{nameof(FoundationOptions.HomeTransitGatewayId)} is not set: set it to HomeFoundation's output TransitGatewayId.");
        }

        if (string.IsNullOrWhiteSpace(options.Value.HomeHostedZoneId))
        {
            missing.Add($"{FoundationOptions.SectionName}:{nameof(FoundationOptions.HomeHostedZoneId)} is not set: set it to HomeFoundation's output HostedZoneId.");
        }

        return missing;
    }

    private async Task<RegionFoundationState> DescribeAsync(Region region, CancellationToken cancellationToken)
    {
        var name = RegionFoundationPlanner.StackName(region.Code);
        var datasets = planner.DatasetsIn(region.Code);
        StackDescription? stack;
        try
        {
            stack = await stacks.DescribeStackAsync(region.Code, name, cancellationToken);
        }
        catch (CloudOperationException ex)
        {
            LogDescribeFailed(ex, region.Code.Value, ex.ErrorCode);
            return new RegionFoundationState(region, name, FoundationStatus.Unknown, null,
                $"The portal could not read the foundation of {region.Code}: {ex.Message}", null, [], datasets);
        }

        var status = FoundationStatuses.FromStackStatus(stack?.Status);
        if (stack is null || status == FoundationStatus.None)
        {
            return new RegionFoundationState(region, name, FoundationStatus.None, null, null, null, [], datasets);
        }

        IReadOnlyList<StackEvent> events;
        try
        {
            events = await stacks.DescribeStackEventsAsync(region.Code, name, cancellationToken);
        }
        catch (CloudOperationException ex)
        {
            // The stack can vanish between the two calls (a delete finishing); its status is what matters.
            LogDescribeFailed(ex, region.Code.Value, ex.ErrorCode);
            events = [];
        }

        var reason = status == FoundationStatus.Failed ? FailureReason(stack, events) : stack.StatusReason;
        return new RegionFoundationState(region, name, status, stack.Status, reason, stack.CreatedAt, [.. events.Take(RecentEventCount)], datasets);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Foundation {StackName} in {Region}: create requested by {User} (already existed: {AlreadyExisted})")]
    private partial void LogCreateStarted(string region, string stackName, string user, bool alreadyExisted);

    [LoggerMessage(Level = LogLevel.Information, Message = "Foundation {StackName} in {Region}: delete requested by {User}")]
    private partial void LogDeleteStarted(string region, string stackName, string user);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Foundation {Action} in {Region} failed with {ErrorCode}")]
    private partial void LogCommandFailed(Exception exception, string action, string region, string errorCode);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read the foundation in {Region} ({ErrorCode})")]
    private partial void LogDescribeFailed(Exception exception, string region, string errorCode);
}
