using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Portal.Infra.Persistence;

/// <summary>
/// Creates or upgrades the database before anything else starts (registered first among hosted services), and when the
/// database keeps the data-protection keys, makes the first key.
/// </summary>
internal sealed partial class DatabaseMigrator(
    IDbContextFactory<PortalDbContext> factory,
    IKeyManager keys,
    IOptions<KeyManagementOptions> keyOptions,
    ILogger<DatabaseMigrator> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);

        // The instances of a new deployment start together: one migrates while the others wait, then find nothing to do.
        await using var startup = await db.AcquireStartupLockAsync(cancellationToken);

        // With the history table in place, a brand-new database spares EF a failed (and logged as an error) first read.
        await db.GetService<IHistoryRepository>().CreateIfNotExistsAsync(cancellationToken);
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
        {
            var dataSource = db.Database.GetDbConnection().DataSource;
            LogMigrating(pending.Count, dataSource);
            await db.Database.MigrateAsync(cancellationToken);
        }

        await db.ConfigureDatabaseAsync(cancellationToken);

        if (db is IDataProtectionKeyContext keyStore && !await keyStore.DataProtectionKeys.AnyAsync(cancellationToken))
        {
            // Left to data protection, every instance starting together would make a first key of its own, and a cookie
            // one of them protects would not open on another until their key rings refresh. Made here, under the lock,
            // there is one; the same clock data protection reads decides when it is active.
            var now = DateTimeOffset.UtcNow;
            keys.CreateNewKey(now, now + keyOptions.Value.NewKeyLifetime);
            LogFirstKey();
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Applying {Count} database migration(s) to {DataSource}")]
    private partial void LogMigrating(int count, string dataSource);

    [LoggerMessage(Level = LogLevel.Information, Message = "Created the first data-protection key in the database")]
    private partial void LogFirstKey();
}
