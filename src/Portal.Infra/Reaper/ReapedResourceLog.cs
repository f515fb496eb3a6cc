using Microsoft.EntityFrameworkCore;
using Portal.Domain.Sessions;
using Portal.Infra.Persistence;

namespace Portal.Infra.Reaper;

/// <summary>What the reaper deleted, for admins (append-only).</summary>
internal interface IReapedResourceLog
{
    Task AddAsync(ReapedResource resource, CancellationToken cancellationToken);

    /// <summary>The newest findings first, at most <see cref="ReapedResourceLog.ListLimit"/>.</summary>
    Task<IReadOnlyList<ReapedResource>> ListAsync(CancellationToken cancellationToken);
}

/// <summary>What the reaper deleted, kept in the portal's database for admins (append-only).</summary>
internal sealed class ReapedResourceLog(IDbContextFactory<PortalDbContext> factory) : IReapedResourceLog
{
    /// <summary>How many of the newest findings a list shows.</summary>
    public const int ListLimit = 200;

    public async Task AddAsync(ReapedResource resource, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(resource);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        db.ReapedResources.Add(new ReapedResourceRecord
        {
            Kind = resource.Kind,
            Region = resource.Region,
            Name = resource.Name,
            SessionTag = resource.SessionTag,
            CreatedAt = resource.CreatedAt,
            ReapedAt = resource.ReapedAt,
            Reason = SessionText.Clip(resource.Reason, 512),
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Newest first.</summary>
    public async Task<IReadOnlyList<ReapedResource>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var rows = await db.ReapedResources.AsNoTracking().OrderByDescending(r => r.ReapedAt).ThenByDescending(r => r.Id).Take(ListLimit).ToListAsync(cancellationToken);
        return [.. rows.Select(r => new ReapedResource(r.Kind, r.Region, r.Name, r.SessionTag, r.CreatedAt, r.ReapedAt, r.Reason))];
    }
}
