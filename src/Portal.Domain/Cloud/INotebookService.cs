using Portal.Domain.Regions;

namespace Portal.Domain.Cloud;

/// <summary>Creates, opens and removes SageMaker notebook instances.</summary>
public interface INotebookService
{
    /// <summary>Starts creating an instance with the notebook in it. Calling again for an existing name is safe.</summary>
    Task<CreateOutcome> CreateNotebookInstanceAsync(NotebookInstanceRequest request, CancellationToken cancellationToken);

    /// <summary>The instance, or null when none of that name exists.</summary>
    Task<NotebookInstanceDescription?> DescribeNotebookInstanceAsync(RegionCode region, string instanceName, CancellationToken cancellationToken);

    /// <summary>
    /// A URL that signs the bearer in to the instance, valid for a few minutes; the notebook session it opens lasts
    /// <paramref name="sessionExpiry"/>. The URL may be relative to the portal (the sandbox's are). Never log it.
    /// </summary>
    Task<Uri> CreatePresignedUrlAsync(RegionCode region, string instanceName, TimeSpan sessionExpiry, CancellationToken cancellationToken);

    Task StopNotebookInstanceAsync(RegionCode region, string instanceName, CancellationToken cancellationToken);

    /// <summary>Deletes a stopped or failed instance. Deleting an instance that does not exist succeeds.</summary>
    Task DeleteNotebookInstanceAsync(RegionCode region, string instanceName, CancellationToken cancellationToken);

    /// <summary>
    /// Every notebook instance in <paramref name="region"/> whose name starts with <paramref name="namePrefix"/>
    /// (ordinal, case sensitive), with its tags. An instance being deleted is listed until it is gone. In no particular
    /// order. An empty prefix lists every instance.
    /// </summary>
    Task<IReadOnlyList<NotebookInstanceSummary>> ListNotebookInstancesAsync(RegionCode region, string namePrefix, CancellationToken cancellationToken);
}
