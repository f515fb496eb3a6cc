using System.Security.Cryptography;
using System.Text;
using Portal.Domain.Cloud;

namespace Portal.Infra.Sandbox;

/// <summary>
/// Computes a sandbox stack's events from its request times: creation spreads the template's resources over the
/// create duration, deletion removes them in reverse. Deterministic, so a restart or a second portal sees the same.
/// </summary>
internal static class SandboxStackTimeline
{
    private const string StackType = "AWS::CloudFormation::Stack";

    public static IReadOnlyList<StackEvent> Events(SandboxResource stack, SandboxOptions options, DateTimeOffset now)
    {
        var events = new List<StackEvent>();
        var resources = SandboxTemplates.ResourcesOf(stack.Shape);
        var fails = options.FailStacksContaining is { Length: > 0 } marker
                    && stack.Name.Contains(marker, StringComparison.Ordinal)
                    && (!options.FailFirstAttemptOnly || stack.ClientRequestToken == stack.Name + "-create");
        var start = stack.CreatedAt;
        var duration = options.CreateDurationFor(stack.Shape);
        var slots = resources.Count + 2;
        TimeSpan At(int slot) => duration * slot / slots;

        Add(events, stack, start, stack.Name, StackType, StackStatuses.CreateInProgress, "User Initiated");
        for (var i = 0; i < resources.Count; i++)
        {
            var (logicalId, type) = resources[i];
            Add(events, stack, start + At(i + 1), logicalId, type, StackStatuses.CreateInProgress, null);
            if (fails && i == resources.Count - 1)
            {
                var reason = $"Resource handler returned message: \"{logicalId} did not stabilize (sandbox failure injected for stacks containing '{options.FailStacksContaining}')\"";
                Add(events, stack, start + At(i + 2), logicalId, type, StackStatuses.CreateFailed, reason);
                Add(events, stack, start + At(i + 2), stack.Name, StackType, StackStatuses.RollbackInProgress,
                    $"The following resource(s) failed to create: [{logicalId}]. Rollback requested by user.");
                Add(events, stack, start + duration, stack.Name, StackType, StackStatuses.RollbackComplete, null);
            }
            else
            {
                Add(events, stack, start + At(i + 2), logicalId, type, StackStatuses.CreateComplete, null);
            }
        }

        if (!fails)
        {
            Add(events, stack, start + duration, stack.Name, StackType, StackStatuses.CreateComplete, null);
        }

        if (stack.DeleteRequestedAt is { } deleteStart)
        {
            // A delete cuts creation short: nothing after the delete request happened.
            events.RemoveAll(e => e.Timestamp > deleteStart);
            var deleteDuration = options.StackDeleteDuration;
            Add(events, stack, deleteStart, stack.Name, StackType, StackStatuses.DeleteInProgress, "User Initiated");
            var created = events.Where(e => e.ResourceStatus == StackStatuses.CreateComplete && e.ResourceType != StackType).Reverse().ToList();
            for (var i = 0; i < created.Count; i++)
            {
                Add(events, stack, deleteStart + (deleteDuration * (i + 1) / (created.Count + 1)), created[i].LogicalResourceId, created[i].ResourceType, StackStatuses.DeleteComplete, null);
            }

            Add(events, stack, deleteStart + deleteDuration, stack.Name, StackType, StackStatuses.DeleteComplete, null);
        }

        return [.. events
            .Select((e, index) => (Event: e, Index: index))
            .Where(x => x.Event.Timestamp <= now)
            .OrderByDescending(x => x.Event.Timestamp)
            .ThenByDescending(x => x.Index)
            .Select(x => x.Event)];
    }

    /// <summary>The stack's status now: the newest stack-level event.</summary>
    public static (string Status, string? Reason) Status(IReadOnlyList<StackEvent> newestFirst, string stackName) =>
        newestFirst.FirstOrDefault(e => e.LogicalResourceId == stackName && e.ResourceType == StackType) is { } latest
            ? (latest.ResourceStatus, latest.ResourceStatusReason)
            : (StackStatuses.CreateInProgress, null);

    private static void Add(List<StackEvent> events, SandboxResource stack, DateTimeOffset at, string logicalId, string type, string status, string? reason)
    {
        var key = $"{stack.ResourceId}|{logicalId}|{status}";
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(key));
        var eventId = logicalId + "-" + new Guid(hash.AsSpan(0, 16));
        events.Add(new StackEvent(eventId, at, logicalId, type, status, reason));
    }
}
