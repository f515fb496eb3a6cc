using Microsoft.EntityFrameworkCore;
using Portal.Domain.Accounts;
using Portal.Domain.Sessions;

namespace Portal.Infra.Persistence;

/// <summary>Each user's latest sign-in in the portal's database (table <c>UserSignIns</c>), one row per user.</summary>
internal sealed class EfSignIns(IDbContextFactory<PortalDbContext> factory, TimeProvider clock) : ISignIns
{
    public async Task RecordAsync(Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        // A second try updates the row that a concurrent first sign-in of the same user made in between.
        if (!await TryRecordAsync(actor, cancellationToken) && !await TryRecordAsync(actor, cancellationToken))
        {
            throw new InvalidOperationException("A user's sign-in could not be recorded: its row was neither found nor made.");
        }
    }

    public async Task<SignInRecord?> FindAsync(string userId, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var row = await db.Set<UserSignInRecord>().AsNoTracking().FirstOrDefaultAsync(s => s.UserId == userId, cancellationToken);
        return row is null
            ? null
            : new SignInRecord(row.UserId, row.Name, row.IsAdmin, row.Groups.Split(',', StringSplitOptions.RemoveEmptyEntries), row.SignedInAt);
    }

    private async Task<bool> TryRecordAsync(Actor actor, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var rows = db.Set<UserSignInRecord>();
        var row = await rows.FirstOrDefaultAsync(s => s.UserId == actor.Id, cancellationToken);
        if (row is null)
        {
            row = new UserSignInRecord { UserId = actor.Id, Name = actor.Name };
            rows.Add(row);
        }

        row.Name = actor.Name;
        row.IsAdmin = actor.IsAdmin;
        row.Groups = string.Join(',', actor.Groups);
        row.SignedInAt = clock.GetUtcNow();
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException) when (db.Entry(row).State == EntityState.Added)
        {
            return false;
        }
    }
}
