using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Datasets;

namespace Portal.Infra.Persistence;

/// <summary>The admins' changes to datasets (table <c>DatasetOverrides</c>), one row per dataset; one DbContext per operation.</summary>
internal sealed class EfDatasetOverrideStore(IDbContextFactory<PortalDbContext> factory)
{
    public async Task<IReadOnlyList<DatasetOverride>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var rows = await db.DatasetOverrides.AsNoTracking().OrderBy(o => o.DatasetId).ToListAsync(cancellationToken);
        var read = new List<DatasetOverride>(rows.Count);
        foreach (var row in rows)
        {
            // A row whose id this version cannot parse is left alone: it names no dataset the catalogue holds.
            if (DatasetId.TryParse(row.DatasetId, out var id))
            {
                read.Add(new DatasetOverride(id, row.Enabled, row.Title, row.Description,
                    row.Tags is null ? null : JsonSerializer.Deserialize<List<string>>(row.Tags), row.UpdatedBy, row.UpdatedAt));
            }
        }

        return read;
    }

    /// <summary>Stores the change in place of the dataset's earlier one.</summary>
    public async Task UpsertAsync(DatasetOverride change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var row = await db.DatasetOverrides.FirstOrDefaultAsync(o => o.DatasetId == change.Id.Value, cancellationToken);
        if (row is null)
        {
            row = new DatasetOverrideRecord { DatasetId = change.Id.Value, UpdatedBy = change.UpdatedBy };
            db.DatasetOverrides.Add(row);
        }

        row.Enabled = change.Enabled;
        row.Title = change.Title;
        row.Description = change.Description;
        row.Tags = change.Tags is null ? null : JsonSerializer.Serialize(change.Tags);
        row.UpdatedBy = change.UpdatedBy;
        row.UpdatedAt = change.UpdatedAt;
        await db.SaveChangesAsync(cancellationToken);
    }
}
