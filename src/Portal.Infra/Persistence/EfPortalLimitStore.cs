using Microsoft.EntityFrameworkCore;
using Portal.Domain.Quotas;

namespace Portal.Infra.Persistence;

/// <summary>Portal limits in the portal's database, one row per scope; one DbContext per operation.</summary>
internal sealed class EfPortalLimitStore(IDbContextFactory<PortalDbContext> factory, TimeProvider clock) : IPortalLimitStore
{
    public async Task<IReadOnlyList<PortalLimits>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var rows = await db.PortalLimits.AsNoTracking().OrderBy(l => l.Scope).ToListAsync(cancellationToken);
        return [.. rows.Select(r => PortalLimits.Create(
            LimitScope.Parse(r.Scope), r.MaxConcurrentSessions, r.MaxWorkersPerSession, r.MaxWorkersPerRegion, r.MaxLifetimeHours,
            r.IdleTimeoutMinMinutes, r.IdleTimeoutMaxMinutes))];
    }

    public async Task UpsertAsync(PortalLimits limits, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(limits);
        var scope = limits.Scope.ToString();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var row = await db.PortalLimits.FirstOrDefaultAsync(l => l.Scope == scope, cancellationToken);
        if (row is null)
        {
            row = new PortalLimitRecord { Scope = scope };
            db.PortalLimits.Add(row);
        }

        row.MaxConcurrentSessions = limits.MaxConcurrentSessions;
        row.MaxWorkersPerSession = limits.MaxWorkersPerSession;
        row.MaxWorkersPerRegion = limits.MaxWorkersPerRegion;
        row.MaxLifetimeHours = limits.MaxLifetimeHours;
        row.IdleTimeoutMinMinutes = limits.IdleTimeoutMinMinutes;
        row.IdleTimeoutMaxMinutes = limits.IdleTimeoutMaxMinutes;
        row.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<bool> DeleteAsync(LimitScope scope, CancellationToken cancellationToken)
    {
        var key = scope.ToString();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.PortalLimits.Where(l => l.Scope == key).ExecuteDeleteAsync(cancellationToken) > 0;
    }
}
