using Microsoft.EntityFrameworkCore;
using Portal.Domain.Audit;

namespace Portal.Infra.Persistence;

/// <summary>
/// The audit log in the portal's database (table <c>AuditEntries</c>). Append and read only: there is no update or
/// delete here, and the migration <c>AuditLog</c> adds triggers that make the database refuse both (on PostgreSQL
/// TRUNCATE too), whoever asks.
/// </summary>
internal sealed class EfAuditLog(IDbContextFactory<PortalDbContext> factory) : IAuditLog
{
    public async Task AppendAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        db.AuditEntries.Add(new AuditEntryRecord
        {
            At = entry.At,
            ActorId = Limit(entry.ActorId, 256)!,
            ActorName = Limit(entry.ActorName, 256)!,
            Action = Limit(entry.Action, 64)!,
            ObjectType = Limit(entry.ObjectType, 32)!,
            ObjectId = Limit(entry.ObjectId, 256)!,
            Detail = Limit(entry.Detail, 2048)!,
            SourceIp = Limit(entry.SourceIp, 64),
            UserAgent = Limit(entry.UserAgent, 512),
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<AuditPage> ListAsync(AuditFilter filter, int skip, int take, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentOutOfRangeException.ThrowIfNegative(skip);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(take);
        var f = filter.Normalized();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var query = db.AuditEntries.AsNoTracking();
        if (f.From is { } from)
        {
            query = query.Where(e => e.At >= from);
        }

        if (f.To is { } to)
        {
            query = query.Where(e => e.At < to);
        }

        if (f.Action is { } action)
        {
            query = query.Where(e => e.Action == action);
        }

        // ToLower on both sides: the same case-insensitive match on SQLite and PostgreSQL (LIKE differs between them).
        // These are translated to SQL lower() and instr/strpos, never run in .NET: culture and comparison overloads do not apply.
#pragma warning disable CA1304, CA1311, CA1862
        if (f.Actor is { } actor)
        {
            var part = actor.ToLowerInvariant();
            query = query.Where(e => e.ActorName.ToLower().Contains(part) || e.ActorId.ToLower().Contains(part));
        }

        if (f.Text is { } text)
        {
            var part = text.ToLowerInvariant();
            query = query.Where(e => e.ObjectId.ToLower().Contains(part) || e.Detail.ToLower().Contains(part));
        }
#pragma warning restore CA1304, CA1311, CA1862

        var total = await query.CountAsync(cancellationToken);
        var rows = await query.OrderByDescending(e => e.At).ThenByDescending(e => e.Id).Skip(skip).Take(take).ToListAsync(cancellationToken);
        return new AuditPage([.. rows.Select(ToEntry)], total);
    }

    private static AuditEntry ToEntry(AuditEntryRecord r) => new()
    {
        Id = r.Id,
        At = r.At,
        ActorId = r.ActorId,
        ActorName = r.ActorName,
        Action = r.Action,
        ObjectType = r.ObjectType,
        ObjectId = r.ObjectId,
        Detail = r.Detail,
        SourceIp = r.SourceIp,
        UserAgent = r.UserAgent,
    };

    private static string? Limit(string? value, int length) => value is { } v && v.Length > length ? v[..length] : value;
}
