namespace Portal.Infra.Persistence;

/// <summary>A row of <c>CatalogueImports</c>: one import that replaced the catalogue, written in the same transaction.</summary>
internal sealed class CatalogueImportRecord
{
    public long Id { get; set; }

    /// <summary>A <see cref="Portal.Domain.Datasets.CatalogueSource"/> by name.</summary>
    public required string Source { get; set; }

    /// <summary>The file or folder imported.</summary>
    public required string Name { get; set; }

    public required string Who { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset FinishedAt { get; set; }

    /// <summary>The datasets the import gave (the catalogue may hold more: a YAML import merges).</summary>
    public int Datasets { get; set; }

    public int Problems { get; set; }
}
