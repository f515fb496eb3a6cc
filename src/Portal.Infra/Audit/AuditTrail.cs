using Microsoft.Extensions.Logging;
using Portal.Domain.Audit;
using Portal.Domain.Sessions;

namespace Portal.Infra.Audit;

/// <summary>
/// What the use cases call to record an action: stamps it with the time and the request's origin and appends it.
/// A failed append does not undo the action, which has happened already (a stack deleted, a session stopping): it is
/// logged as an error naming the entry in full, so the record survives in the logs and operators are alerted.
/// </summary>
internal sealed partial class AuditTrail(IAuditLog log, IRequestOrigin origin, TimeProvider clock, ILogger<AuditTrail> logger)
{
    /// <summary>Records what a signed-in user did, from where their request came.</summary>
    public Task RecordAsync(Actor actor, string action, string objectType, string objectId, string detail, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return AppendAsync(actor.Id, actor.Name, origin.Current, action, objectType, objectId, detail, cancellationToken);
    }

    /// <summary>Records what the portal did by itself (reaper, budget enforcer).</summary>
    public Task RecordSystemAsync(string action, string objectType, string objectId, string detail, CancellationToken cancellationToken) =>
        AppendAsync(AuditEntry.SystemActor, AuditEntry.SystemActor, AuditOrigin.System, action, objectType, objectId, detail, cancellationToken);

    private async Task AppendAsync(
        string actorId, string actorName, AuditOrigin from, string action, string objectType, string objectId, string detail, CancellationToken cancellationToken)
    {
        var entry = new AuditEntry
        {
            At = clock.GetUtcNow(),
            ActorId = actorId,
            ActorName = actorName,
            Action = action,
            ObjectType = objectType,
            ObjectId = objectId,
            Detail = detail,
            SourceIp = from.SourceIp,
            UserAgent = from.UserAgent,
        };
        try
        {
            // Not the caller's token: the action is done, so its record is written even if the caller stops waiting.
            await log.AppendAsync(entry, CancellationToken.None);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogAppendFailed(ex, entry.Action, entry.ObjectType, entry.ObjectId, entry.ActorId, entry.Detail, entry.SourceIp ?? "unknown");
        }

        _ = cancellationToken;
    }

    [LoggerMessage(Level = LogLevel.Error,
        Message = "Audit entry NOT stored: {Action} on {ObjectType} {ObjectId} by {ActorId} ({Detail}) from {SourceIp}")]
    private partial void LogAppendFailed(Exception exception, string action, string objectType, string objectId, string actorId, string detail, string sourceIp);
}
