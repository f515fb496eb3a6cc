using Portal.Domain.Regions;

namespace Portal.Domain.Cloud;

/// <summary>What the portal asks CloudFormation to create.</summary>
/// <param name="Template">The logical template name (SessionScheduler, SessionWorkers, RegionFoundation); the provider maps it to a body or URL.</param>
/// <param name="ClientRequestToken">Derived from session and step, so a retried call never creates a second stack.</param>
public sealed record StackCreateRequest(
    RegionCode Region,
    string StackName,
    string Template,
    IReadOnlyDictionary<string, string> Parameters,
    IReadOnlyDictionary<string, string> Tags,
    string ClientRequestToken)
{
    /// <summary>Minutes after which the create fails; null for the provider's configured default.</summary>
    public int? TimeoutInMinutes { get; init; }
}

/// <summary>The result of a create call: the new resource's id, or word that it already existed (which a retry expects).</summary>
public sealed record CreateOutcome(string ResourceId, bool AlreadyExisted);

/// <summary>A stack as CloudFormation describes it.</summary>
public sealed record StackDescription(
    string StackId,
    string StackName,
    string Status,
    string? StatusReason,
    DateTimeOffset CreatedAt,
    IReadOnlyDictionary<string, string> Outputs);

/// <summary>A stack as a listing shows it: enough to tell whose it is and whether it should still be there.</summary>
/// <param name="StackId">The stack's ARN.</param>
/// <param name="Status">CloudFormation's status word (see <see cref="StackStatuses"/>); never DELETE_COMPLETE in a listing.</param>
/// <param name="Tags">The tags the stack carries: those given at create, plus any the provider adds.</param>
public sealed record StackSummary(
    string StackId,
    string StackName,
    string Status,
    DateTimeOffset CreatedAt,
    IReadOnlyDictionary<string, string> Tags);

/// <summary>One CloudFormation stack event.</summary>
public sealed record StackEvent(
    string EventId,
    DateTimeOffset Timestamp,
    string LogicalResourceId,
    string ResourceType,
    string ResourceStatus,
    string? ResourceStatusReason);

/// <summary>CloudFormation's stack status words, grouped by what the portal does with them.</summary>
public static class StackStatuses
{
    public const string CreateInProgress = "CREATE_IN_PROGRESS";
    public const string CreateComplete = "CREATE_COMPLETE";
    public const string CreateFailed = "CREATE_FAILED";
    public const string RollbackInProgress = "ROLLBACK_IN_PROGRESS";
    public const string RollbackComplete = "ROLLBACK_COMPLETE";
    public const string RollbackFailed = "ROLLBACK_FAILED";
    public const string DeleteInProgress = "DELETE_IN_PROGRESS";
    public const string DeleteComplete = "DELETE_COMPLETE";
    public const string DeleteFailed = "DELETE_FAILED";

    /// <summary>The stack exists and is usable.</summary>
    public static bool IsCreated(string status) => status is CreateComplete or "UPDATE_COMPLETE";

    /// <summary>Creation went wrong; the stack must be deleted before the name can be reused.</summary>
    public static bool IsCreateFailed(string status) =>
        status is CreateFailed or RollbackInProgress or RollbackComplete or RollbackFailed;

    public static bool IsDeleted(string status) => status is DeleteComplete;
}
