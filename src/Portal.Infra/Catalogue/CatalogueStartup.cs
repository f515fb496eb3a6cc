using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Domain.Datasets;
using Portal.Infra.Persistence;

namespace Portal.Infra.Catalogue;

/// <summary>
/// Puts the stored catalogue in front of users before the portal serves a request (hosted services start before the web
/// server, this one right after the database migrator). A new database first gets the shipped registry catalogue
/// (<see cref="CatalogueOptions.ImportAtStart"/>); the instances of a new deployment that start together import it once,
/// under the database's startup lock, and the others load it.
/// </summary>
internal sealed partial class CatalogueStartup(
    IDbContextFactory<PortalDbContext> factory,
    EfCatalogueStore store,
    EfDatasetOverrideStore overrides,
    DatasetCatalog catalog,
    DatasetCatalogue catalogue,
    IOptions<CatalogueOptions> options,
    ILogger<CatalogueStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await using var startup = await db.AcquireStartupLockAsync(cancellationToken);

        // The admins' enable, disable and edits apply whatever the catalogue holds, the curated datasets included.
        var changes = await overrides.ListAsync(cancellationToken);
        catalog.ReplaceOverrides(changes);
        if (changes.Count > 0)
        {
            var disabled = changes.Count(c => !c.Enabled);
            LogOverrides(changes.Count, disabled);
        }

        if (options.Value.ImportAtStart && await store.IsEmptyAsync(cancellationToken))
        {
            var result = await catalogue.ImportShippedAsync(cancellationToken);
            foreach (var problem in result.Problems)
            {
                LogShippedProblem(problem.ToString());
            }

            if (result.Succeeded)
            {
                LogImportedAtStart(result.Imported, watch.ElapsedMilliseconds);
            }
            else
            {
                LogNotImportedAtStart(result.Outcome, result.Message);
            }

            return;
        }

        var loaded = await catalogue.LoadAsync(cancellationToken);
        LogLoaded(loaded, watch.ElapsedMilliseconds);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "New database: the shipped dataset catalogue was imported ({Count} datasets) in {ElapsedMs} ms")]
    private partial void LogImportedAtStart(int count, long elapsedMs);

    [LoggerMessage(Level = LogLevel.Warning, Message =
        "New database: the shipped dataset catalogue was not imported ({Outcome}: {Reason}); the portal offers the curated datasets and tries again at its next start")]
    private partial void LogNotImportedAtStart(CatalogueImportOutcome outcome, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Shipped dataset catalogue: {Problem}")]
    private partial void LogShippedProblem(string problem);

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied the admins' changes to {Count} dataset(s) ({Disabled} disabled)")]
    private partial void LogOverrides(int count, int disabled);

    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded {Count} dataset(s) from the stored catalogue in {ElapsedMs} ms (0: the curated datasets only)")]
    private partial void LogLoaded(int count, long elapsedMs);
}
