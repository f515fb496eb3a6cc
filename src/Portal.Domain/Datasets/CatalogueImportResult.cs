namespace Portal.Domain.Datasets;

/// <summary>Something wrong in an imported file: where (file and 1-based line; 0 when no line applies) and what.</summary>
public sealed record CatalogueProblem(string File, int Line, string Message)
{
    public override string ToString() => Line > 0 ? $"{File}:{Line}: {Message}" : $"{File}: {Message}";
}

/// <summary>How an import ended.</summary>
public enum CatalogueImportOutcome
{
    /// <summary>The catalogue was replaced; problems (if any) name what was skipped.</summary>
    Imported,

    /// <summary>The input held no dataset the portal can use; the catalogue is unchanged.</summary>
    NothingImported,

    /// <summary>The input could not be read or the catalogue could not be saved; the catalogue is unchanged.</summary>
    Failed,
}

/// <summary>The result of an import.</summary>
/// <param name="Imported">The portal datasets (one per registry dataset and region) the input gave.</param>
/// <param name="Total">The datasets in the catalogue afterwards.</param>
/// <param name="Problems">What was skipped, and why: an import with problems still imports the rest.</param>
/// <param name="Message">One sentence for the admin.</param>
public sealed record CatalogueImportResult(
    CatalogueImportOutcome Outcome,
    int Imported,
    int Total,
    IReadOnlyList<CatalogueProblem> Problems,
    string Message)
{
    public bool Succeeded => Outcome == CatalogueImportOutcome.Imported;
}

/// <summary>One import that changed the catalogue.</summary>
/// <param name="Name">What was imported: a file or folder name.</param>
public sealed record CatalogueImport(
    long Id,
    CatalogueSource Source,
    string Name,
    string Who,
    DateTimeOffset StartedAt,
    DateTimeOffset FinishedAt,
    int Datasets,
    int Problems);
