using System.Text.Json;
using Portal.Domain.Datasets;
using Portal.Domain.Regions;

namespace Portal.Infra.Persistence;

/// <summary>A <see cref="Dataset"/> as a <see cref="CatalogueDatasetRecord"/> and back.</summary>
internal static class CatalogueRecords
{
    public static CatalogueDatasetRecord ToRecord(Dataset dataset, int position)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        return new CatalogueDatasetRecord
        {
            Id = dataset.Id.Value,
            Position = position,
            Slug = dataset.Slug,
            Name = dataset.Name,
            Kind = dataset.Kind.ToString(),
            Region = dataset.Location.Region.Value,
            S3Uri = dataset.Location.S3Uri,
            Format = dataset.Format.ToString(),
            CoverageFirst = dataset.Coverage?.First,
            CoverageLast = dataset.Coverage?.Last,
            Licence = dataset.Licence,
            Description = dataset.Description,
            Tags = JsonSerializer.Serialize(dataset.Tags),
            ManagedBy = dataset.ManagedBy,
            UpdateFrequency = dataset.UpdateFrequency,
            RequesterPays = dataset.RequesterPays,
            Deprecated = dataset.Deprecated,
            Successor = dataset.Successor?.Value,
            MoreLocations = JsonSerializer.Serialize(dataset.MoreLocations.Select(l => l.S3Uri)),
            SizeBytes = dataset.SizeBytes,
            Layout = dataset.Layout.ToString(),
        };
    }

    /// <summary>
    /// The dataset a row holds. A name this version does not know (a kind, format or layout written by a newer portal)
    /// reads as the neutral value (other, unknown, none), so an older portal still starts on the same database.
    /// </summary>
    public static Dataset ToDataset(CatalogueDatasetRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var region = RegionCode.Parse(record.Region);
        return new Dataset(
            DatasetId.Parse(record.Id),
            record.Name,
            Enum.TryParse<DatasetKind>(record.Kind, out var kind) ? kind : DatasetKind.Other,
            new DataLocation(region, record.S3Uri),
            Enum.TryParse<DataFormat>(record.Format, out var format) ? format : DataFormat.Unknown,
            record is { CoverageFirst: { } first, CoverageLast: { } last } ? new DateCoverage(first, last) : null,
            record.Licence,
            record.Description)
        {
            Slug = record.Slug,
            Tags = JsonSerializer.Deserialize<string[]>(record.Tags) ?? [],
            ManagedBy = record.ManagedBy,
            UpdateFrequency = record.UpdateFrequency,
            RequesterPays = record.RequesterPays,
            Deprecated = record.Deprecated,
            Successor = record.Successor is { } successor ? DatasetId.Parse(successor) : null,
            MoreLocations = [.. (JsonSerializer.Deserialize<string[]>(record.MoreLocations) ?? []).Select(uri => new DataLocation(region, uri))],
            SizeBytes = record.SizeBytes,
            Layout = Enum.TryParse<DatasetLayout>(record.Layout, out var layout) ? layout : DatasetLayout.None,
        };
    }

    public static CatalogueImport ToImport(CatalogueImportRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new CatalogueImport(
            record.Id,
            Enum.TryParse<CatalogueSource>(record.Source, out var source) ? source : CatalogueSource.RegistryFacts,
            record.Name,
            record.Who,
            record.StartedAt,
            record.FinishedAt,
            record.Datasets,
            record.Problems);
    }
}
