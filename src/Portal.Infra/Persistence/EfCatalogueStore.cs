using Microsoft.EntityFrameworkCore;
using Portal.Domain.Datasets;

namespace Portal.Infra.Persistence;

/// <summary>
/// The dataset catalogue in the portal's database (tables <c>CatalogueDatasets</c> and <c>CatalogueImports</c>). An
/// import replaces the whole table in one transaction, with its own row in the history: either all of it is stored or
/// nothing changes.
/// </summary>
internal sealed class EfCatalogueStore(IDbContextFactory<PortalDbContext> factory)
{
    public async Task<bool> IsEmptyAsync(CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return !await db.CatalogueDatasets.AnyAsync(cancellationToken);
    }

    /// <summary>The stored catalogue in its order; empty before the first import.</summary>
    public async Task<IReadOnlyList<Dataset>> LoadAsync(CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await ReadAsync(db, cancellationToken);
    }

    /// <summary>
    /// In one transaction: reads the stored catalogue (when <paramref name="merge"/>; an empty list otherwise), hands it
    /// to <paramref name="change"/>, which builds the new one, and stores that in its place with the import's row.
    /// </summary>
    /// <returns>The import as stored (with its id).</returns>
    public async Task<CatalogueImport> ReplaceAsync(bool merge, Func<IReadOnlyList<Dataset>, CatalogueReplacement> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.LockCatalogueAsync(cancellationToken);
        var replacement = change(merge ? await ReadAsync(db, cancellationToken) : []);

        await db.CatalogueDatasets.ExecuteDeleteAsync(cancellationToken);

        // Only additions: the change tracker has nothing to compare (1,200 rows, 20 columns each).
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        db.CatalogueDatasets.AddRange(replacement.Datasets.Select(CatalogueRecords.ToRecord));
        db.CatalogueImports.Add(replacement.Import);
        await db.SaveChangesAsync(cancellationToken);

        // Everything is written: committing now, whatever the token says, keeps the database and the caller's
        // in-memory catalogue (replaced after this returns) telling the same story.
        await transaction.CommitAsync(CancellationToken.None);
        return CatalogueRecords.ToImport(replacement.Import);
    }

    public async Task<IReadOnlyList<CatalogueImport>> ListImportsAsync(int count, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var rows = await db.CatalogueImports.AsNoTracking()
            .OrderByDescending(i => i.Id)
            .Take(Math.Max(0, count))
            .ToListAsync(cancellationToken);
        return [.. rows.Select(CatalogueRecords.ToImport)];
    }

    /// <summary>Why a save failed, in words an operator can act on (see <see cref="PortalDbContext.DescribeWriteFailure"/>).</summary>
    public async Task<string> DescribeAsync(Exception exception)
    {
        await using var db = await factory.CreateDbContextAsync();
        for (var cause = exception; cause is not null; cause = cause.InnerException)
        {
            if (cause is System.Data.Common.DbException)
            {
                return db.DescribeWriteFailure(cause);
            }
        }

        return db.DescribeWriteFailure(exception);
    }

    private static async Task<IReadOnlyList<Dataset>> ReadAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        var rows = await db.CatalogueDatasets.AsNoTracking().OrderBy(d => d.Position).ToListAsync(cancellationToken);
        return [.. rows.Select(CatalogueRecords.ToDataset)];
    }
}

/// <summary>What an import stores: the whole new catalogue, in order, and the import's row.</summary>
internal sealed record CatalogueReplacement(IReadOnlyList<Dataset> Datasets, CatalogueImportRecord Import);
