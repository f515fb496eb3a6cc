using Microsoft.EntityFrameworkCore;
using Portal.Domain.Regions;
using Portal.Domain.Sessions;
using Portal.Infra.Persistence.Configurations;

namespace Portal.Infra.Persistence;

/// <summary>Sessions in the portal's database; one DbContext per operation (Blazor circuits are long-lived).</summary>
internal sealed class EfSessionStore(IDbContextFactory<PortalDbContext> factory) : ISessionStore
{
    private const int MaxConcurrencyRetries = 5;
    private const int MaxAppendAttempts = 3;

    public async Task<SessionId> AddAsync(Session session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        db.Sessions.Add(session);
        db.Entry(session).Property(SessionConfiguration.VersionProperty).CurrentValue = 1;
        foreach (var step in session.Steps.Where(s => s.Spec.Document is not null))
        {
            // In the same transaction: a session is never stored without the notebook it will create.
            db.StepDocuments.Add(new StepDocumentRecord { SessionId = session.Id.Value, ResourceName = step.ResourceName, Content = step.Spec.Document! });
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return session.Id;
        }
        catch (DbUpdateException ex) when (session.LaunchKey is { } key && db.IsUniqueViolation(ex))
        {
            // Another submit of the same form stored its session between our check and our write: that one stands.
            var earlier = await FindByLaunchKeyAsync(session.Owner, key, cancellationToken);
            return earlier?.Id ?? throw new InvalidOperationException($"Session {session.Id} could not be stored.", ex);
        }
    }

    public async Task<string?> FindStepDocumentAsync(SessionId id, string resourceName, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.StepDocuments.AsNoTracking()
            .Where(d => d.SessionId == id.Value && d.ResourceName == resourceName)
            .Select(d => d.Content)
            .FirstOrDefaultAsync(cancellationToken);
    }

    public async Task<Session?> FindByLaunchKeyAsync(string owner, string launchKey, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Sessions.AsNoTracking().FirstOrDefaultAsync(s => s.Owner == owner && s.LaunchKey == launchKey, cancellationToken);
    }

    public async Task<Session?> FindAsync(SessionId id, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Sessions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
    }

    public async Task<Session?> UpdateAsync(SessionId id, Action<Session> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            var session = await db.Sessions.FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
            if (session is null)
            {
                return null;
            }

            change(session);
            var version = db.Entry(session).Property<int>(SessionConfiguration.VersionProperty);
            version.CurrentValue = version.OriginalValue + 1;
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return session;
            }
            catch (DbUpdateConcurrencyException) when (attempt < MaxConcurrencyRetries)
            {
                // Someone else saved the session in between: reload and apply the change again.
            }
        }
    }

    public async Task<IReadOnlyList<Session>> ListAsync(string? owner, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var query = db.Sessions.AsNoTracking();
        if (owner is not null)
        {
            query = query.Where(s => s.Owner == owner);
        }

        return await query.OrderByDescending(s => s.CreatedAt).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<Session>> ListCostingSinceAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Sessions.AsNoTracking()
            .Where(s => s.CostingSince != null && (s.EndedAt == null || s.EndedAt >= since))
            .ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<SessionId>> ListNeedingWorkAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Sessions.AsNoTracking()
            .Where(Session.NeedsDrivingAt(now))
            .OrderBy(s => s.CreatedAt)
            .Select(s => s.Id)
            .ToListAsync(cancellationToken);
    }

    public async Task AppendEventsAsync(IReadOnlyCollection<SessionEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count == 0)
        {
            return;
        }

        for (var attempt = 1; ; attempt++)
        {
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            await AddNewEventsAsync(db, events, cancellationToken);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return;
            }
            catch (DbUpdateException ex) when (attempt < MaxAppendAttempts && db.IsUniqueViolation(ex))
            {
                // Another portal instance stored one of these events between our read and our write. The save is one
                // transaction, so nothing of ours was stored: read again and add what is still missing.
            }
        }
    }

    /// <summary>Adds the events whose external id is not stored yet for their session (and every event without one).</summary>
    private static async Task AddNewEventsAsync(PortalDbContext db, IReadOnlyCollection<SessionEvent> events, CancellationToken cancellationToken)
    {
        var sessionIds = events.Select(e => e.SessionId.Value).Distinct().ToList();
        var externalIds = events.Where(e => e.ExternalId is not null).Select(e => e.ExternalId!).ToList();
        var known = externalIds.Count == 0
            ? []
            : (await db.SessionEvents
                .Where(e => sessionIds.Contains(e.SessionId) && e.ExternalId != null && externalIds.Contains(e.ExternalId))
                .Select(e => e.SessionId + "|" + e.ExternalId)
                .ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);

        foreach (var e in events)
        {
            if (e.ExternalId is not null && !known.Add(e.SessionId.Value + "|" + e.ExternalId))
            {
                continue;
            }

            db.SessionEvents.Add(new SessionEventRecord
            {
                SessionId = e.SessionId.Value,
                At = e.At,
                ResourceName = e.ResourceName,
                Region = e.Region?.Value,
                Message = SessionText.Clip(e.Message, 4000),
                ExternalId = e.ExternalId,
            });
        }
    }

    public async Task<IReadOnlyList<SessionEvent>> ListEventsAsync(SessionId id, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var rows = await db.SessionEvents.AsNoTracking()
            .Where(e => e.SessionId == id.Value)
            .OrderBy(e => e.At).ThenBy(e => e.Id)
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new SessionEvent(
            id,
            r.At,
            r.ResourceName,
            r.Region is null ? null : RegionCode.Parse(r.Region),
            r.Message,
            r.ExternalId))];
    }
}
