using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Accounts;

namespace Portal.Infra.Persistence;

/// <summary>Security stamps in the portal's database (table <c>UserStamps</c>), so that a sign-out survives a restart and reaches every instance.</summary>
internal sealed class EfSecurityStampStore(IDbContextFactory<PortalDbContext> factory, TimeProvider clock) : ISecurityStampStore
{
    public async Task<string> GetOrCreateAsync(string userId, CancellationToken cancellationToken)
    {
        if (await FindAsync(userId, cancellationToken) is { } stamp)
        {
            return stamp;
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var created = new UserStampRecord { UserId = userId, Stamp = NewStamp(), ChangedAt = clock.GetUtcNow() };
        db.Set<UserStampRecord>().Add(created);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return created.Stamp;
        }
        catch (DbUpdateException)
        {
            // Another sign-in of the same user made it first (a primary-key clash, which SQLite does not report as a
            // unique violation): theirs is the stamp. Anything else is no clash and stays an error.
            if (await FindAsync(userId, cancellationToken) is { } theirs)
            {
                return theirs;
            }

            throw;
        }
    }

    public async Task<string?> FindAsync(string userId, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Set<UserStampRecord>()
            .AsNoTracking()
            .Where(s => s.UserId == userId)
            .Select(s => s.Stamp)
            .FirstOrDefaultAsync(cancellationToken);
    }

    public async Task RenewAsync(string userId, CancellationToken cancellationToken)
    {
        // A second try finds the row a first sign-in made in between, and updates it.
        if (!await TryRenewAsync(userId, cancellationToken) && !await TryRenewAsync(userId, cancellationToken))
        {
            throw new InvalidOperationException("A user's security stamp could not be renewed: its row was neither found nor made.");
        }
    }

    private async Task<bool> TryRenewAsync(string userId, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var stamps = db.Set<UserStampRecord>();
        var row = await stamps.FirstOrDefaultAsync(s => s.UserId == userId, cancellationToken);
        if (row is null)
        {
            stamps.Add(new UserStampRecord { UserId = userId, Stamp = NewStamp(), ChangedAt = clock.GetUtcNow() });
        }
        else
        {
            row.Stamp = NewStamp();
            row.ChangedAt = clock.GetUtcNow();
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException) when (row is null)
        {
            return false;
        }
    }

    private static string NewStamp() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
}
