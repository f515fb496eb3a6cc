namespace Portal.Domain.Datasets;

/// <summary>What a user should know about a selected dataset before launch.</summary>
public enum DatasetNoticeKind
{
    /// <summary>No worker region is enabled where the data lives: launch is refused until one is, or another copy is chosen.</summary>
    OutsideWorkerRegions,

    /// <summary>The bucket is requester pays: reading it is billed to the portal's account.</summary>
    RequesterPays,

    /// <summary>The registry marks the dataset deprecated.</summary>
    Deprecated,

    /// <summary>The built-in analysis does not read it; the notebook lists its path.</summary>
    OpenedByPath,
}

/// <summary>One notice about one selected dataset.</summary>
/// <param name="Blocks">True when launch is refused because of it.</param>
public sealed record DatasetNotice(DatasetId Dataset, DatasetNoticeKind Kind, string Title, string Message, bool Blocks);
