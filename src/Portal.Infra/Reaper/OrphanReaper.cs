using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Domain.Audit;
using Portal.Domain.Cloud;
using Portal.Domain.LaunchPlans;
using Portal.Domain.Regions;
using Portal.Domain.Sessions;

using Portal.Infra.Audit;

namespace Portal.Infra.Reaper;

/// <summary>
/// Finds the portal's session stacks and notebook instances (by name prefix and the <see cref="SessionTags.ManagedKey"/>
/// tag) in every region, and deletes those that belong to no live session once they are older than the grace period.
/// Foundations (<c>portal-region-…</c>) are never touched. Each reaped resource is recorded for admins and in the audit log.
/// </summary>
internal sealed partial class OrphanReaper(
    IRegionDirectory regions,
    IStackDeployer stacks,
    INotebookService notebooks,
    ISessionStore sessions,
    IReapedResourceLog log,
    AuditTrail audit,
    IOptions<ReaperOptions> options,
    TimeProvider clock,
    ILogger<OrphanReaper> logger)
{
    /// <summary>Session resources are named <c>portal-s-…</c> (stacks <c>portal-&lt;session id&gt;-…</c>, notebooks <c>portal-&lt;session id&gt;</c>).</summary>
    public const string SessionResourcePrefix = "portal-s-";

    public const string StackKind = "Stack";
    public const string NotebookKind = "NotebookInstance";

    /// <summary>One look at every region; returns what was reaped in it.</summary>
    public async Task<IReadOnlyList<ReapedResource>> ReapOnceAsync(CancellationToken cancellationToken)
    {
        var reaped = new List<ReapedResource>();
        foreach (var region in regions.Current.All.Select(r => r.Code))
        {
            try
            {
                await ReapStacksAsync(region, reaped, cancellationToken);
                await ReapNotebooksAsync(region, reaped, cancellationToken);
            }
            catch (CloudOperationException ex)
            {
                // One region that does not answer must not keep the others from being looked at.
                LogRegionFailed(ex, region.Value, ex.ErrorCode);
            }
        }

        return reaped;
    }

    private async Task ReapStacksAsync(RegionCode region, List<ReapedResource> reaped, CancellationToken cancellationToken)
    {
        foreach (var stack in await stacks.ListStacksAsync(region, SessionResourcePrefix, cancellationToken))
        {
            if (stack.Status is StackStatuses.DeleteInProgress || !IsCandidate(stack.Tags, stack.CreatedAt)
                || await OwnerAsync(stack.Tags, stack.StackName, cancellationToken) is { } _)
            {
                continue;
            }

            await stacks.DeleteStackAsync(region, stack.StackName, $"{stack.StackName}-reap-{clock.GetUtcNow().ToUnixTimeSeconds()}", cancellationToken);
            await RecordAsync(StackKind, region, stack.StackName, stack.Tags, stack.CreatedAt, reaped, cancellationToken);
        }
    }

    private async Task ReapNotebooksAsync(RegionCode region, List<ReapedResource> reaped, CancellationToken cancellationToken)
    {
        foreach (var instance in await notebooks.ListNotebookInstancesAsync(region, SessionResourcePrefix, cancellationToken))
        {
            if (!IsCandidate(instance.Tags, instance.CreatedAt) || await OwnerAsync(instance.Tags, instance.Name, cancellationToken) is { } _)
            {
                continue;
            }

            switch (instance.Status)
            {
                case NotebookStatuses.InService or NotebookStatuses.Pending:
                    // SageMaker deletes only stopped instances: stop now, delete on a later pass.
                    await notebooks.StopNotebookInstanceAsync(region, instance.Name, cancellationToken);
                    await RecordAsync(NotebookKind, region, instance.Name, instance.Tags, instance.CreatedAt, reaped, cancellationToken);
                    break;
                case NotebookStatuses.Stopped or NotebookStatuses.Failed:
                    await notebooks.DeleteNotebookInstanceAsync(region, instance.Name, cancellationToken);
                    if (!(await log.ListAsync(cancellationToken)).Any(r => r.Kind == NotebookKind && r.Region == region.Value && r.Name == instance.Name))
                    {
                        await RecordAsync(NotebookKind, region, instance.Name, instance.Tags, instance.CreatedAt, reaped, cancellationToken);
                    }

                    break;
                default:
                    break;
            }
        }
    }

    /// <summary>Ours (tagged), and old enough that no launch can still be about to record it.</summary>
    private bool IsCandidate(IReadOnlyDictionary<string, string> tags, DateTimeOffset createdAt) =>
        tags.TryGetValue(SessionTags.ManagedKey, out var managed) && managed == "true"
        && clock.GetUtcNow() - createdAt >= options.Value.GracePeriod;

    /// <summary>The live session that owns the resource: it exists, has not ended, and has a step of that name that may hold it.</summary>
    private async Task<Session?> OwnerAsync(IReadOnlyDictionary<string, string> tags, string name, CancellationToken cancellationToken)
    {
        if (!tags.TryGetValue(SessionTags.SessionIdKey, out var tag) || !SessionId.TryParse(tag, out var id))
        {
            return null;
        }

        var session = await sessions.FindAsync(id, cancellationToken);
        return session is { HasEnded: false } && session.Steps.Any(s => s.ResourceName == name && s.Status != StepStatus.Deleted)
            ? session
            : null;
    }

    private async Task RecordAsync(
        string kind, RegionCode region, string name, IReadOnlyDictionary<string, string> tags, DateTimeOffset createdAt,
        List<ReapedResource> reaped, CancellationToken cancellationToken)
    {
        var sessionTag = tags.TryGetValue(SessionTags.SessionIdKey, out var tag) ? tag : null;
        var reason = sessionTag is null
            ? "Tagged as the portal's but names no session."
            : $"Belongs to no live session (session {sessionTag} has ended, or does not know it).";
        var resource = new ReapedResource(kind, region.Value, name, sessionTag, createdAt, clock.GetUtcNow(), reason);
        await log.AddAsync(resource, cancellationToken);
        reaped.Add(resource);
        LogReaped(kind, name, region.Value, sessionTag ?? "none");
        await audit.RecordSystemAsync(AuditActions.ReaperDelete, kind, $"{region.Value}/{name}", reason, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reaped orphan {Kind} {Name} in {Region} (session tag {SessionTag})")]
    private partial void LogReaped(string kind, string name, string region, string sessionTag);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The reaper could not look at {Region} ({ErrorCode}); trying again next time")]
    private partial void LogRegionFailed(Exception exception, string region, string errorCode);
}
