using Portal.Domain.Regions;

namespace Portal.Domain.Cloud;

/// <summary>A notebook file placed in the instance's home folder when it is created.</summary>
public sealed record NotebookDocument(string FileName, string Content);

/// <summary>What the portal asks SageMaker to create.</summary>
public sealed record NotebookInstanceRequest(
    RegionCode Region,
    string InstanceName,
    string InstanceType,
    IReadOnlyDictionary<string, string> Tags,
    NotebookDocument Notebook);

/// <summary>A notebook instance as SageMaker describes it.</summary>
public sealed record NotebookInstanceDescription(string Name, string Arn, string Status, string? FailureReason);

/// <summary>A notebook instance as a listing shows it: enough to tell whose it is and whether it should still be there.</summary>
/// <param name="Arn">The instance's ARN.</param>
/// <param name="Status">SageMaker's status word (see <see cref="NotebookStatuses"/>).</param>
/// <param name="Tags">The tags the instance carries: those given at create, plus any the provider adds.</param>
public sealed record NotebookInstanceSummary(
    string Name,
    string Arn,
    string Status,
    DateTimeOffset CreatedAt,
    IReadOnlyDictionary<string, string> Tags);

/// <summary>SageMaker's notebook instance status words.</summary>
public static class NotebookStatuses
{
    public const string Pending = "Pending";
    public const string InService = "InService";
    public const string Stopping = "Stopping";
    public const string Stopped = "Stopped";
    public const string Failed = "Failed";
    public const string Deleting = "Deleting";
    public const string Updating = "Updating";
}
