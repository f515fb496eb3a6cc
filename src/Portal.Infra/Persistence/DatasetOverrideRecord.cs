namespace Portal.Infra.Persistence;

/// <summary>
/// A row of <c>DatasetOverrides</c>: what an admin changed about one dataset (see
/// <see cref="Portal.Domain.Datasets.DatasetOverride"/>). Kept apart from <c>CatalogueDatasets</c>, which each import
/// replaces, so an import never undoes it.
/// </summary>
internal sealed class DatasetOverrideRecord
{
    public required string DatasetId { get; set; }

    public bool Enabled { get; set; }

    /// <summary>Null keeps the catalogue's title.</summary>
    public string? Title { get; set; }

    public string? Description { get; set; }

    /// <summary>The tags as a JSON array of strings; null keeps the catalogue's.</summary>
    public string? Tags { get; set; }

    public required string UpdatedBy { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
