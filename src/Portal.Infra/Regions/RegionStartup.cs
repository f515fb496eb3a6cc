using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Portal.Domain.Regions;
using Portal.Infra.Persistence;

namespace Portal.Infra.Regions;

/// <summary>
/// Seeds the regions at start, after the migrator, then loads them: a seed region is written only when no region with
/// its code is stored, so what admins changed on the Regions page (regions added, enabled or disabled) survives a
/// restart. The seed is <see cref="RegionCatalog.Default"/>, the topology the CDK app's defaults deploy. Portals starting
/// together on one PostgreSQL database seed one after the other (the database's startup lock), so none trips over
/// another's rows.
/// </summary>
internal sealed partial class RegionStartup(
    IDbContextFactory<PortalDbContext> factory,
    IRegionStore store,
    RegionDirectory directory,
    ILogger<RegionStartup> logger) : IHostedService
{
    /// <summary>Who the seeded regions are recorded as added by.</summary>
    public const string Seeder = "configuration";

    public static RegionCatalog Seed => RegionCatalog.Default;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await using var startup = await db.AcquireStartupLockAsync(cancellationToken);
        var added = 0;
        foreach (var region in Seed.All)
        {
            if (await store.AddAsync(region, Seeder, cancellationToken))
            {
                added++;
            }
        }

        await directory.RefreshAsync(cancellationToken);
        LogSeeded(added, Seed.All.Count - added, directory.Current.All.Count);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "{Added} region(s) from the seed written to the database; {Kept} already stored were left as they are; {Count} region(s) in use")]
    private partial void LogSeeded(int added, int kept, int count);
}
