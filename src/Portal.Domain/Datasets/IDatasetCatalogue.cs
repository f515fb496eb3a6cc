namespace Portal.Domain.Datasets;

/// <summary>
/// The dataset catalogue as stored: imports from the Open Data Registry's formats, each one transaction (the stored
/// catalogue and the <see cref="DatasetCatalog"/> users pick from change together or not at all), and their history.
/// </summary>
/// <remarks>
/// Callers check that the actor may import (an admin); the catalogue records who it was told did it. The datasets the
/// portal analyses end to end (<see cref="DatasetCatalog.Curated"/>) are kept by every import.
/// </remarks>
public interface IDatasetCatalogue
{
    /// <summary>
    /// Imports a file, or for <see cref="CatalogueSource.RegistryYaml"/> a folder of registry dataset files
    /// (<c>*.yaml</c>, <c>*.yml</c>).
    /// </summary>
    /// <param name="path">The file or folder.</param>
    /// <param name="source">The format, which also decides whether the import replaces the catalogue or merges into it.</param>
    /// <param name="who">Who asked (a user name), kept with the import.</param>
    Task<CatalogueImportResult> ImportAsync(string path, CatalogueSource source, string who, CancellationToken cancellationToken);

    /// <summary>Imports one file's content (an upload).</summary>
    /// <param name="fileName">
    /// The file's name, used in problems; for <see cref="CatalogueSource.RegistryYaml"/> also the dataset's slug
    /// (the name without its extension), as in the registry.
    /// </param>
    Task<CatalogueImportResult> ImportAsync(Stream content, string fileName, CatalogueSource source, string who, CancellationToken cancellationToken);

    /// <summary>The latest imports, newest first.</summary>
    Task<IReadOnlyList<CatalogueImport>> ListImportsAsync(int count, CancellationToken cancellationToken);
}
