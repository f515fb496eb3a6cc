using System.IO.Compression;
using System.Text.Json;
using Portal.Domain.Datasets.Stores;

namespace Portal.Infra.Catalogue;

/// <summary>
/// Reads intake-esm CMIP6 catalogues: an ESM collection description (JSON) and the CSV it names, or a CSV alone;
/// either CSV may be gzipped (<c>.csv.gz</c>). The CSV is streamed, record by record, never held whole. Every row that
/// cannot be a <see cref="StoreRecord"/> is skipped and reported as an <see cref="ImportProblem"/> with its file and
/// line; reading goes on. A file that cannot be read at all (no such file, bad JSON, a required column missing) is one
/// problem and no rows.
/// </summary>
/// <remarks>
/// Required columns: the eight facets (<see cref="StoreFacets"/>) and the asset column (<c>assets.column_name</c> of
/// the JSON; for a CSV alone <c>zstore</c>, else <c>path</c>). <c>dcpp_init_year</c> and <c>version</c> are read when
/// present. The records are produced as the sequence is enumerated, and the problems added to the given collection
/// at the same time.
/// </remarks>
public static class IntakeEsmReader
{
    /// <summary>Reads <paramref name="path"/>: a <c>.json</c> description and its CSV, or a <c>.csv</c> / <c>.csv.gz</c> alone.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> or <paramref name="problems"/> is null.</exception>
    public static IEnumerable<StoreRecord> Read(string path, ICollection<ImportProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(problems);
        return path.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
            ? ReadDescribed(path, problems)
            : ReadCsvFile(path, problems, assetColumn: null, formatColumn: null);
    }

    /// <summary>Reads an ESM collection description; null (and a problem) when it is not one.</summary>
    /// <param name="fileName">How problems name the file.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static EsmCollectionDescription? ReadCollection(Stream json, string fileName, ICollection<ImportProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentNullException.ThrowIfNull(problems);
        try
        {
            using var document = JsonDocument.Parse(json);
            var collection = EsmDescriptionJson.Parse(document.RootElement, out var problem);
            if (problem is not null)
            {
                problems.Add(new ImportProblem(fileName, 1, problem));
            }

            return collection;
        }
        catch (JsonException e)
        {
            problems.Add(new ImportProblem(fileName, (int)(e.LineNumber ?? 0) + 1, $"Not valid JSON: {e.Message}"));
            return null;
        }
    }

    /// <summary>Reads the records of an intake-esm CSV stream (disposed when the sequence ends).</summary>
    /// <param name="fileName">How problems name the file.</param>
    /// <param name="assetColumn">The column with each store's location; null for <c>zstore</c>, or <c>path</c> without it.</param>
    /// <param name="formatColumn">A column with each asset's format, if the catalogue has one: rows that are not <c>zarr</c> are skipped as problems.</param>
    /// <exception cref="ArgumentNullException"><paramref name="csv"/>, <paramref name="fileName"/> or <paramref name="problems"/> is null.</exception>
    public static IEnumerable<StoreRecord> ReadCsv(
        Stream csv, string fileName, ICollection<ImportProblem> problems, string? assetColumn = null, string? formatColumn = null)
    {
        ArgumentNullException.ThrowIfNull(csv);
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentNullException.ThrowIfNull(problems);
        return new StoreCsvReader(fileName, problems, assetColumn, formatColumn).Read(csv);
    }

    private static IEnumerable<StoreRecord> ReadDescribed(string path, ICollection<ImportProblem> problems)
    {
        var csvPath = CatalogFileOf(path, problems, out var collection);
        if (csvPath is null)
        {
            yield break;
        }

        foreach (var record in ReadCsvFile(csvPath, problems, collection!.AssetColumn, collection.FormatColumn))
        {
            yield return record;
        }
    }

    /// <summary>The CSV that the description at <paramref name="path"/> names; null (and a problem) when there is none to read.</summary>
    private static string? CatalogFileOf(string path, ICollection<ImportProblem> problems, out EsmCollectionDescription? collection)
    {
        collection = null;
        try
        {
            using var json = File.OpenRead(path);
            collection = ReadCollection(json, path, problems);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problems.Add(new ImportProblem(path, 1, $"Cannot be read: {e.Message}"));
            return null;
        }

        if (collection is null)
        {
            return null;
        }

        if (collection.Format is { } format && !format.Equals("zarr", StringComparison.OrdinalIgnoreCase))
        {
            problems.Add(new ImportProblem(path, 1, $"The assets are {format}, not Zarr stores."));
            return null;
        }

        if (collection.CatalogFile.Contains("://", StringComparison.Ordinal) || Path.IsPathRooted(collection.CatalogFile))
        {
            problems.Add(new ImportProblem(path, 1, $"catalog_file '{collection.CatalogFile}' is not a file beside the description; only those are read."));
            return null;
        }

        return Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, collection.CatalogFile);
    }

    /// <summary>Opens the file when enumeration starts, so a sequence never enumerated holds no file open.</summary>
    private static IEnumerable<StoreRecord> ReadCsvFile(
        string path, ICollection<ImportProblem> problems, string? assetColumn, string? formatColumn)
    {
        var stream = OpenCsv(path, problems);
        if (stream is null)
        {
            yield break;
        }

        foreach (var record in ReadCsv(stream, path, problems, assetColumn, formatColumn))
        {
            yield return record;
        }
    }

    private static Stream? OpenCsv(string path, ICollection<ImportProblem> problems)
    {
        try
        {
            Stream stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
            return path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase)
                ? new GZipStream(stream, CompressionMode.Decompress)
                : stream;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problems.Add(new ImportProblem(path, 1, $"Cannot be read: {e.Message}"));
            return null;
        }
    }
}
