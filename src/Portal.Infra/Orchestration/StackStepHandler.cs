using Portal.Domain.Cloud;
using Portal.Domain.Sessions;

namespace Portal.Infra.Orchestration;

/// <summary>Scheduler and worker steps: CloudFormation stacks created from the recorded template and parameters.</summary>
internal sealed class StackStepHandler(IStackDeployer stacks, ISessionStore store) : IStepHandler
{
    public bool Handles(StepSpec spec) => spec is { Kind: StepKind.Scheduler or StepKind.Workers } && !Compute.LocalCompute.IsLocal(spec);

    public async Task<bool> CreateAsync(Session session, SessionStep step, CancellationToken cancellationToken)
    {
        var spec = step.Spec;
        var outcome = await stacks.CreateStackAsync(
            new StackCreateRequest(step.Region, step.ResourceName, spec.Template, spec.Parameters, spec.Tags, step.CreateToken),
            cancellationToken);
        return outcome.AlreadyExisted;
    }

    public async Task<StepObservation> DescribeAsync(Session session, SessionStep step, CancellationToken cancellationToken)
    {
        var description = await stacks.DescribeStackAsync(step.Region, step.ResourceName, cancellationToken);
        if (description is null)
        {
            return StepObservation.Missing;
        }

        var status = description.Status;
        // Resource events are read when the stack's status changes (and at the end), not on every pass: a pass over many
        // sessions stays cheap, and every event still reaches the timeline once.
        IReadOnlyList<StackEvent> events = status == step.ProviderStatus ? [] : await RecordEventsAsync(session, step, cancellationToken);
        if (StackStatuses.IsCreated(status))
        {
            return new(StepCondition.Created, status);
        }

        // CREATE_FAILED is terminal only when rollback is disabled; otherwise ROLLBACK_* follows.
        var failure = events.LastOrDefault(e => e.ResourceStatus == StackStatuses.CreateFailed && e.ResourceStatusReason is { Length: > 0 })?.ResourceStatusReason
                      ?? description.StatusReason
                      ?? status;
        return status switch
        {
            StackStatuses.RollbackComplete or StackStatuses.RollbackFailed or StackStatuses.CreateFailed => new(StepCondition.Failed, status, failure),
            StackStatuses.RollbackInProgress => new(StepCondition.Failing, status, failure),
            StackStatuses.DeleteInProgress or StackStatuses.DeleteFailed => new(StepCondition.Failing, status, "The stack is being deleted outside the portal."),
            _ => new(StepCondition.Creating, status, description.StatusReason),
        };
    }

    public async Task<StepObservation> DeleteAsync(Session session, SessionStep step, CancellationToken cancellationToken)
    {
        var description = await stacks.DescribeStackAsync(step.Region, step.ResourceName, cancellationToken);
        if (description is null || StackStatuses.IsDeleted(description.Status))
        {
            return StepObservation.Missing;
        }

        var events = await RecordEventsAsync(session, step, cancellationToken);
        switch (description.Status)
        {
            case StackStatuses.DeleteInProgress:
                return new(StepCondition.Deleting, description.Status);
            case StackStatuses.DeleteFailed:
                // Ask again at once, with a new token (CloudFormation treats a token it has seen as the same request),
                // and report the failure: the engine counts it and waits before it looks again.
                await stacks.DeleteStackAsync(step.Region, step.ResourceName, $"{step.ResourceName}-delete-{step.Attempt}-{step.Failures + 1}", cancellationToken);
                var reason = events.FirstOrDefault(e => e.ResourceStatus == StackStatuses.DeleteFailed && e.ResourceStatusReason is { Length: > 0 }
                                                        && e.LogicalResourceId != step.ResourceName)?.ResourceStatusReason
                             ?? description.StatusReason ?? description.Status;
                return new(StepCondition.DeleteFailed, description.Status, reason);
            default:
                var token = step.Attempt == 1 ? step.ResourceName + "-delete" : $"{step.ResourceName}-delete-{step.Attempt}";
                await stacks.DeleteStackAsync(step.Region, step.ResourceName, token, cancellationToken);
                return new(StepCondition.Deleting, StackStatuses.DeleteInProgress);
        }
    }

    /// <summary>Stores the stack's events oldest first (they arrive newest first), each once; returns them newest first.</summary>
    private async Task<IReadOnlyList<StackEvent>> RecordEventsAsync(Session session, SessionStep step, CancellationToken cancellationToken)
    {
        var newestFirst = await stacks.DescribeStackEventsAsync(step.Region, step.ResourceName, cancellationToken);
        await store.AppendEventsAsync(
            [.. newestFirst.Reverse().Select(e => new SessionEvent(session.Id, e.Timestamp, step.ResourceName, step.Region,
                $"{e.LogicalResourceId} ({e.ResourceType}) {e.ResourceStatus}{(e.ResourceStatusReason is { Length: > 0 } r ? ": " + r : string.Empty)}",
                e.EventId))],
            cancellationToken);
        return newestFirst;
    }
}
