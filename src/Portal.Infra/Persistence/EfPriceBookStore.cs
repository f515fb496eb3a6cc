using Microsoft.EntityFrameworkCore;
using Portal.Domain.Costs;

namespace Portal.Infra.Persistence;

/// <summary>Fetched price books in the portal's database (table <c>PriceBooks</c>): the newest few, newest first.</summary>
internal sealed class EfPriceBookStore(IDbContextFactory<PortalDbContext> factory)
{
    /// <summary>Stores a fetched book and deletes all but the newest <paramref name="keep"/>.</summary>
    public async Task SaveAsync(PriceBook book, int keep, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(book);
        var fetchedAt = book.FetchedAt ?? throw new ArgumentException("Only a fetched price book is stored.", nameof(book));
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        db.PriceBooks.Add(new PriceBookRecord { FetchedAt = fetchedAt, Source = book.Name, AsOf = book.AsOf, Document = PriceBookDocument.Serialize(book) });
        await db.SaveChangesAsync(cancellationToken);

        var old = await db.PriceBooks
            .OrderByDescending(b => b.FetchedAt).ThenByDescending(b => b.Id)
            .Skip(keep)
            .Select(b => b.Id)
            .ToListAsync(cancellationToken);
        if (old.Count > 0)
        {
            await db.PriceBooks.Where(b => old.Contains(b.Id)).ExecuteDeleteAsync(cancellationToken);
        }
    }

    /// <summary>The newest stored book; null when none was ever fetched.</summary>
    public async Task<PriceBook?> FindLatestAsync(CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var row = await db.PriceBooks.AsNoTracking()
            .OrderByDescending(b => b.FetchedAt).ThenByDescending(b => b.Id)
            .FirstOrDefaultAsync(cancellationToken);
        return row is null ? null : PriceBookDocument.Deserialize(row);
    }
}
