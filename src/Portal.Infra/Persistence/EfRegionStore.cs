using Microsoft.EntityFrameworkCore;
using Portal.Domain.Regions;

namespace Portal.Infra.Persistence;

/// <summary>The portal's regions in its database; one DbContext per operation.</summary>
internal sealed class EfRegionStore(IDbContextFactory<PortalDbContext> factory, TimeProvider clock) : IRegionStore
{
    public async Task<IReadOnlyList<Region>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Regions.AsNoTracking().ToListAsync(cancellationToken);
        // The home region first, then in the order they were added (two instances adding at once may share a position).
        return [.. rows
            .OrderBy(r => r.Role == nameof(RegionRole.Home) ? 0 : 1)
            .ThenBy(r => r.Position)
            .ThenBy(r => r.Code, StringComparer.Ordinal)
            .Select(ToRegion)];
    }

    public async Task<bool> AddAsync(Region region, string addedBy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(region);
        ArgumentException.ThrowIfNullOrWhiteSpace(addedBy);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var code = region.Code.Value;
        if (await db.Regions.AnyAsync(r => r.Code == code, cancellationToken))
        {
            return false;
        }

        var last = await db.Regions.MaxAsync(r => (int?)r.Position, cancellationToken) ?? 0;
        db.Regions.Add(new RegionRecord
        {
            Code = code,
            Position = last + 1,
            Name = region.DisplayName,
            Latitude = region.Location.Latitude,
            Longitude = region.Location.Longitude,
            Role = region.Role.ToString(),
            Cidr = region.Cidr.ToString(),
            Enabled = region.Enabled,
            AddedAt = clock.GetUtcNow(),
            AddedBy = addedBy,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException ex) when (db.IsUniqueViolation(ex))
        {
            // Another portal instance stored the same code between our read and our write.
            return false;
        }
    }

    public async Task<bool> SetEnabledAsync(RegionCode code, bool enabled, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var value = code.Value;
        return await db.Regions.Where(r => r.Code == value)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Enabled, enabled), cancellationToken) > 0;
    }

    private static Region ToRegion(RegionRecord row) => new(
        RegionCode.Parse(row.Code),
        row.Name,
        new GeoPoint(row.Latitude, row.Longitude),
        Enum.Parse<RegionRole>(row.Role),
        Cidr.Parse(row.Cidr),
        row.Enabled);
}
