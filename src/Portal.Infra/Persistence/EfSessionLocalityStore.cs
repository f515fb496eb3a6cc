using Microsoft.EntityFrameworkCore;
using Portal.Domain.Sessions;

namespace Portal.Infra.Persistence;

/// <summary>Each session's latest locality figure in the portal's database (table <c>SessionLocality</c>).</summary>
internal sealed class EfSessionLocalityStore(IDbContextFactory<PortalDbContext> factory) : ISessionLocalityStore
{
    public async Task SaveAsync(SessionId id, DataLocality locality, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(locality);

        // A second try finds the row another report (on this or another instance) made in between, and replaces it;
        // reports that meet on SQLite's single writer wait their turn a few times (they arrive together from the workers).
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            try
            {
                if (await TrySaveAsync(id, locality, cancellationToken))
                {
                    return;
                }
            }
            catch (DbUpdateException ex) when (IsBusy(ex) && attempt < MaxAttempts)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(50 * attempt), cancellationToken);
            }
        }

        throw new InvalidOperationException($"The locality figure of session {id} was neither found nor stored.");
    }

    private const int MaxAttempts = 5;

    /// <summary>SQLite's "database is locked" (SQLITE_BUSY 5, SQLITE_LOCKED 6): another connection is writing.</summary>
    private static bool IsBusy(DbUpdateException ex) =>
        ex.InnerException is Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 5 or 6 };

    public async Task<DataLocality?> FindAsync(SessionId id, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var row = await db.SessionLocality.AsNoTracking().FirstOrDefaultAsync(l => l.SessionId == id.Value, cancellationToken);
        return row is null ? null : DataLocalityDocument.Deserialize(row.Document, row.ReportedAt);
    }

    private async Task<bool> TrySaveAsync(SessionId id, DataLocality locality, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var row = await db.SessionLocality.FirstOrDefaultAsync(l => l.SessionId == id.Value, cancellationToken);
        if (row is null)
        {
            db.SessionLocality.Add(new SessionLocalityRecord { SessionId = id.Value, Document = DataLocalityDocument.Serialize(locality), ReportedAt = locality.ReportedAt });
        }
        else if (row.ReportedAt <= locality.ReportedAt)
        {
            row.Document = DataLocalityDocument.Serialize(locality);
            row.ReportedAt = locality.ReportedAt;
        }
        else
        {
            // A later figure was stored while this one was on its way: figures are cumulative, the later one stands.
            return true;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException ex) when (row is null && !IsBusy(ex))
        {
            // Another report made the row first (a primary-key clash, which SQLite does not report as a unique violation).
            return false;
        }
    }
}
