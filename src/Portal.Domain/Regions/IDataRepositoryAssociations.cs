namespace Portal.Domain.Regions;

/// <summary>
/// The data repository associations of a worker region's foundation file system (FSx for Lustre linking a file-system
/// path to an S3 prefix), as the cloud reports them now: FSx on AWS, the modelled foundation in the sandbox.
/// </summary>
public interface IDataRepositoryAssociations
{
    /// <summary>
    /// The region's associations, in file-system path order; empty when the region has no foundation (or its file system
    /// is not known yet). A failed call throws <see cref="Cloud.CloudOperationException"/>.
    /// </summary>
    Task<IReadOnlyList<DataRepositoryLink>> ListAsync(RegionCode region, CancellationToken cancellationToken);
}

/// <summary>One association: where the data appears on the file system, which S3 prefix it mirrors, and its state.</summary>
/// <param name="Lifecycle">FSx's word: CREATING, AVAILABLE, MISCONFIGURED, UPDATING, DELETING or FAILED.</param>
/// <param name="FailureMessage">FSx's reason when MISCONFIGURED or FAILED; null otherwise.</param>
public sealed record DataRepositoryLink(string FileSystemPath, string DataRepositoryPath, string Lifecycle, string? FailureMessage)
{
    /// <summary>Whether the admin has something to fix (the data is not readable through it).</summary>
    public bool IsProblem => Lifecycle is "MISCONFIGURED" or "FAILED";
}
