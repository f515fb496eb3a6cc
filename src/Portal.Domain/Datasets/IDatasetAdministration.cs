using Portal.Domain.Sessions;

namespace Portal.Domain.Datasets;

/// <summary>
/// The admin's Datasets page: enabling and disabling datasets, editing their display fields, and importing registry
/// files after a preview. Every call checks the actor is an admin (the page does too): anyone else gets a refusal.
/// Every change is stored (a restart keeps it) and audited.
/// </summary>
public interface IDatasetAdministration
{
    /// <summary>The largest file an import takes.</summary>
    public const int MaxImportBytes = 1024 * 1024;

    Task<DatasetEditResult> SetEnabledAsync(Actor actor, DatasetId id, bool enabled, CancellationToken cancellationToken);

    Task<DatasetEditResult> UpdateDisplayAsync(Actor actor, DatasetId id, DatasetDisplayDraft draft, CancellationToken cancellationToken);

    /// <summary>What importing the file would add, change (field by field), remove and leave alone; nothing is written.</summary>
    Task<ImportPreview> PreviewImportAsync(Actor actor, byte[] content, string fileName, CatalogueSource source, CancellationToken cancellationToken);

    /// <summary>Imports the file (the one previewed) and audits it with the counts.</summary>
    Task<DatasetEditResult> ApplyImportAsync(Actor actor, byte[] content, string fileName, CatalogueSource source, CancellationToken cancellationToken);
}

/// <summary>What a change did: done (with a sentence), or refused with a message and the message per field.</summary>
public sealed record DatasetEditResult(bool Succeeded, string Message, IReadOnlyDictionary<string, string> Errors)
{
    public IReadOnlyList<CatalogueProblem> Problems { get; init; } = [];

    public static DatasetEditResult Done(string message) => new(true, message, new Dictionary<string, string>());

    public static DatasetEditResult Refused(string message, IReadOnlyDictionary<string, string>? errors = null) =>
        new(false, message, errors ?? new Dictionary<string, string>());
}

/// <summary>One field an import would change: its value now and after.</summary>
public sealed record FieldChange(string Field, string Before, string After);

/// <summary>A dataset an import would change, with each field that differs.</summary>
public sealed record DatasetChange(DatasetId Id, string Name, IReadOnlyList<FieldChange> Fields);

/// <summary>
/// What an import would do. <see cref="CanApply"/> is false when the file cannot be imported (the message says why and
/// <see cref="Problems"/> lists what the importer found); an importable file may still list problems for skipped rows.
/// </summary>
public sealed record ImportPreview(
    bool CanApply,
    string Message,
    IReadOnlyList<Dataset> Added,
    IReadOnlyList<DatasetChange> Changed,
    IReadOnlyList<Dataset> Removed,
    int Unchanged,
    IReadOnlyList<CatalogueProblem> Problems)
{
    public static ImportPreview Refused(string message, IReadOnlyList<CatalogueProblem>? problems = null) =>
        new(false, message, [], [], [], 0, problems ?? []);
}
