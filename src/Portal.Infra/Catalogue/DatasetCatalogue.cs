using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Portal.Domain;
using Portal.Domain.Datasets;
using Portal.Infra.Persistence;

namespace Portal.Infra.Catalogue;

/// <summary>
/// Imports registry files into the stored catalogue and the <see cref="DatasetCatalog"/> users pick from. Reading and
/// building happen before anything is written; the store replaces the table in one transaction; the in-memory catalogue
/// is replaced only after it commits. A failure at any point leaves both as they were.
/// </summary>
internal sealed partial class DatasetCatalogue(
    EfCatalogueStore store,
    DatasetCatalog catalog,
    TimeProvider clock,
    ILogger<DatasetCatalogue> logger) : IDatasetCatalogue, IDisposable
{
    /// <summary>Who imports the shipped catalogue into a new database.</summary>
    public const string FirstStart = "portal (first start)";

    private const int MaxText = 256;

    // One import at a time in this instance (the database's lock covers other instances on PostgreSQL).
    private readonly SemaphoreSlim _importing = new(1, 1);

    public Task<CatalogueImportResult> ImportAsync(string path, CatalogueSource source, string who, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var name = Path.GetFileName(Path.TrimEndingDirectorySeparator(path));
        var problems = new List<CatalogueProblem>();
        IReadOnlyList<RegistryDataset> read;
        try
        {
            if (source == CatalogueSource.RegistryYaml && Directory.Exists(path))
            {
                read = RegistryYamlReader.ReadFolder(path, problems, cancellationToken);
            }
            else if (File.Exists(path))
            {
                read = source == CatalogueSource.RegistryYaml
                    ? RegistryYamlReader.ReadFile(path, problems) is { } one ? RegistrySuccessors.Resolve([one]) : []
                    : RegistryFactsReader.ReadFile(path, problems, cancellationToken);
            }
            else
            {
                var what = source == CatalogueSource.RegistryYaml ? "a file or folder" : "a file";
                return Task.FromResult(Failed(problems, $"{path} is not {what} the portal can read."));
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Task.FromResult(Failed(problems, $"{name} cannot be read: {e.Message}"));
        }

        return ApplyAsync(read, problems, source, name, who, cancellationToken);
    }

    public Task<CatalogueImportResult> ImportAsync(Stream content, string fileName, CatalogueSource source, string who, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        var name = Path.GetFileName(fileName);
        var problems = new List<CatalogueProblem>();
        return TryRead(content, name, source, problems, cancellationToken, out var read) is { } unreadable
            ? Task.FromResult(Failed(problems, unreadable))
            : ApplyAsync(read, problems, source, name, who, cancellationToken);
    }

    /// <summary>
    /// The catalogue an import of one file would make, and the problems the importer found; nothing is written. Null
    /// datasets (with a message) when the file gives no dataset the portal can use, as <see cref="ImportAsync(Stream, string, CatalogueSource, string, CancellationToken)"/> would refuse it.
    /// </summary>
    public (IReadOnlyList<Dataset>? Datasets, IReadOnlyList<CatalogueProblem> Problems, string Message) Preview(
        Stream content, string fileName, CatalogueSource source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        var name = Path.GetFileName(fileName);
        var problems = new List<CatalogueProblem>();
        if (TryRead(content, name, source, problems, cancellationToken, out var read) is { } unreadable)
        {
            return (null, problems, unreadable);
        }

        if (IsUnusable(read, source))
        {
            return (null, problems, Unusable(name));
        }

        var slugs = read.Select(d => d.Slug).ToHashSet(StringComparer.Ordinal);
        var keep = source == CatalogueSource.RegistryYaml ? catalog.Imported.Where(d => !slugs.Contains(d.Slug)) : [];
        var built = CatalogueBuilder.Build(read, DatasetCatalog.Curated, keep);
        problems.AddRange(built.Problems);
        return (built.Datasets, problems, string.Create(CultureInfo.InvariantCulture, $"{name} gives {built.Imported:N0} dataset(s)."));
    }

    /// <summary>Reads an uploaded file; null when it could be read (problems aside), else why not.</summary>
    private static string? TryRead(
        Stream content, string name, CatalogueSource source, List<CatalogueProblem> problems, CancellationToken cancellationToken,
        out IReadOnlyList<RegistryDataset> read)
    {
        try
        {
            read = Read(content, name, source, problems, cancellationToken);
            return null;
        }
        catch (IOException e)
        {
            read = [];
            return $"{name} cannot be read: {e.Message}";
        }
    }

    private static IReadOnlyList<RegistryDataset> Read(Stream content, string name, CatalogueSource source, List<CatalogueProblem> problems, CancellationToken cancellationToken)
    {
        if (source == CatalogueSource.RegistryYaml)
        {
            using var text = new StreamReader(content, leaveOpen: true);
            return RegistryYamlReader.Read(text, name, problems) is { } one ? RegistrySuccessors.Resolve([one]) : [];
        }

        return RegistryFactsReader.Read(content, name, problems, cancellationToken);
    }

    // A facts file without a bucket would empty the catalogue: far more likely the wrong file.
    private static bool IsUnusable(IReadOnlyList<RegistryDataset> read, CatalogueSource source) =>
        read.Count == 0 || (source == CatalogueSource.RegistryFacts && read.All(d => d.Resources.Count == 0));

    private static string Unusable(string name) =>
        $"{name} holds no registry dataset with an S3 bucket the portal can use; the catalogue is unchanged.";

    public void Dispose() => _importing.Dispose();

    public Task<IReadOnlyList<CatalogueImport>> ListImportsAsync(int count, CancellationToken cancellationToken) =>
        store.ListImportsAsync(count, cancellationToken);

    /// <summary>Imports the catalogue the portal ships with (a new database's first start).</summary>
    public async Task<CatalogueImportResult> ImportShippedAsync(CancellationToken cancellationToken)
    {
        await using var shipped = ShippedCatalogue.Open();
        return await ImportAsync(shipped, ShippedCatalogue.FileName, CatalogueSource.RegistryFacts, FirstStart, cancellationToken);
    }

    /// <summary>Puts the stored catalogue (with the curated datasets as this version defines them) in front of users.</summary>
    /// <returns>The datasets loaded; 0 when nothing is stored yet (the catalogue is left as it is).</returns>
    public async Task<int> LoadAsync(CancellationToken cancellationToken)
    {
        var stored = await store.LoadAsync(cancellationToken);
        if (stored.Count == 0)
        {
            return 0;
        }

        var built = CatalogueBuilder.Compose(stored.Select(d => new Candidate(d, CatalogueBuilder.StoredCatalogue, 0)), DatasetCatalog.Curated);
        foreach (var problem in built.Problems)
        {
            LogStoredProblem(problem.Message);
        }

        catalog.Replace(built.Datasets);
        return built.Datasets.Count;
    }

    private async Task<CatalogueImportResult> ApplyAsync(
        IReadOnlyList<RegistryDataset> read,
        List<CatalogueProblem> problems,
        CatalogueSource source,
        string name,
        string who,
        CancellationToken cancellationToken)
    {
        if (IsUnusable(read, source))
        {
            return new CatalogueImportResult(CatalogueImportOutcome.NothingImported, 0, catalog.All.Count, problems, Unusable(name));
        }

        var startedAt = clock.GetUtcNow();
        var slugs = read.Select(d => d.Slug).ToHashSet(StringComparer.Ordinal);
        CatalogueBuild? built = null;
        await _importing.WaitAsync(cancellationToken);
        try
        {
            var import = await store.ReplaceAsync(
                merge: source == CatalogueSource.RegistryYaml,
                stored =>
                {
                    // Registry YAML describes some datasets: the others stay. Facts describe the whole registry (stored is empty).
                    built = CatalogueBuilder.Build(read, DatasetCatalog.Curated, keep: stored.Where(d => !slugs.Contains(d.Slug)));
                    problems.AddRange(built.Problems);
                    return new CatalogueReplacement(built.Datasets, new CatalogueImportRecord
                    {
                        Source = source.ToString(),
                        Name = Shorten(name),
                        Who = Shorten(string.IsNullOrWhiteSpace(who) ? "unknown" : who),
                        StartedAt = startedAt,
                        FinishedAt = clock.GetUtcNow(),
                        Datasets = built.Imported,
                        Problems = problems.Count,
                    });
                },
                cancellationToken);
            catalog.Replace(built!.Datasets);
            LogImported(import.Id, source, name, import.Who, built.Imported, built.Datasets.Count, problems.Count);
            return new CatalogueImportResult(
                CatalogueImportOutcome.Imported,
                built.Imported,
                built.Datasets.Count,
                problems,
                string.Create(CultureInfo.InvariantCulture, $"Imported {built.Imported:N0} dataset(s) from {name}; the catalogue holds {built.Datasets.Count:N0}")
                + (problems.Count == 0 ? "." : string.Create(CultureInfo.InvariantCulture, $"; {problems.Count:N0} problem(s), skipped.")));
        }
        catch (Exception e) when (e is DbException or DbUpdateException or StoreUnavailableException)
        {
            var reason = await store.DescribeAsync(e);
            LogFailed(e, source, name, reason);
            return Failed(problems, $"The catalogue could not be saved ({reason}); it is unchanged.");
        }
        finally
        {
            _importing.Release();
        }
    }

    private CatalogueImportResult Failed(IReadOnlyList<CatalogueProblem> problems, string message) =>
        new(CatalogueImportOutcome.Failed, 0, catalog.All.Count, problems, message);

    private static string Shorten(string text) => text.Length <= MaxText ? text : text[..MaxText];

    [LoggerMessage(Level = LogLevel.Information, Message =
        "Catalogue import {ImportId} ({Source}, {Name}) by {Who}: {Imported} dataset(s) imported, {Total} in the catalogue, {Problems} problem(s)")]
    private partial void LogImported(long importId, CatalogueSource source, string name, string who, int imported, int total, int problems);

    [LoggerMessage(Level = LogLevel.Error, Message = "Catalogue import ({Source}, {Name}) failed: {Reason}; the catalogue is unchanged")]
    private partial void LogFailed(Exception exception, CatalogueSource source, string name, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stored catalogue: {Problem}")]
    private partial void LogStoredProblem(string problem);
}
