namespace Portal.Domain.Regions;

/// <summary>Reads a foundation's status from its stack's CloudFormation status.</summary>
public static class FoundationStatuses
{
    /// <summary>The foundation status of a stack status; <c>null</c> (no such stack) is <see cref="FoundationStatus.None"/>.</summary>
    public static FoundationStatus FromStackStatus(string? stackStatus) => stackStatus switch
    {
        null or "DELETE_COMPLETE" => FoundationStatus.None,
        "CREATE_IN_PROGRESS" or "REVIEW_IN_PROGRESS" => FoundationStatus.Creating,
        "CREATE_COMPLETE" or "IMPORT_COMPLETE" => FoundationStatus.Ready,
        "DELETE_IN_PROGRESS" => FoundationStatus.Deleting,
        "CREATE_FAILED" or "ROLLBACK_IN_PROGRESS" or "ROLLBACK_COMPLETE" or "ROLLBACK_FAILED" or "DELETE_FAILED" => FoundationStatus.Failed,
        _ when stackStatus.EndsWith("_FAILED", StringComparison.Ordinal) => FoundationStatus.Failed,
        // An update (by hand, or a later portal) keeps the resources in place: the region stays usable throughout.
        _ when stackStatus.StartsWith("UPDATE_", StringComparison.Ordinal) || stackStatus.StartsWith("IMPORT_", StringComparison.Ordinal) => FoundationStatus.Ready,
        _ => FoundationStatus.Unknown,
    };

    /// <summary>True while CloudFormation is still working on the foundation, so its status will change by itself.</summary>
    public static bool IsChanging(this FoundationStatus status) => status is FoundationStatus.Creating or FoundationStatus.Deleting;
}
