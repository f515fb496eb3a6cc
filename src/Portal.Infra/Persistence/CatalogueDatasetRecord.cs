namespace Portal.Infra.Persistence;

/// <summary>
/// A row of <c>CatalogueDatasets</c>: one <see cref="Portal.Domain.Datasets.Dataset"/> of the catalogue. The table is
/// replaced whole by each import (<see cref="EfCatalogueStore"/>); <see cref="Position"/> keeps the catalogue's order.
/// </summary>
internal sealed class CatalogueDatasetRecord
{
    public required string Id { get; set; }

    public int Position { get; set; }

    public required string Slug { get; set; }

    public required string Name { get; set; }

    /// <summary>A <see cref="Portal.Domain.Datasets.DatasetKind"/> by name.</summary>
    public required string Kind { get; set; }

    public required string Region { get; set; }

    public required string S3Uri { get; set; }

    /// <summary>A <see cref="Portal.Domain.Datasets.DataFormat"/> by name.</summary>
    public required string Format { get; set; }

    public DateOnly? CoverageFirst { get; set; }

    public DateOnly? CoverageLast { get; set; }

    public required string Licence { get; set; }

    public required string Description { get; set; }

    /// <summary>The tags as a JSON array of strings.</summary>
    public required string Tags { get; set; }

    public required string ManagedBy { get; set; }

    public required string UpdateFrequency { get; set; }

    public bool RequesterPays { get; set; }

    public bool Deprecated { get; set; }

    public string? Successor { get; set; }

    /// <summary>The other S3 URIs in the same region, as a JSON array of strings.</summary>
    public required string MoreLocations { get; set; }

    public long? SizeBytes { get; set; }

    /// <summary>A <see cref="Portal.Domain.Datasets.DatasetLayout"/> by name.</summary>
    public required string Layout { get; set; }
}
