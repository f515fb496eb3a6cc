using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Portal.Infra.Persistence;

/// <summary>
/// The portal's database in PostgreSQL, shared by every portal instance; migrations in <c>Migrations/PostgreSql</c>.
/// It also holds the data-protection keys: containers have no durable disk, and a sign-in cookie or a notebook link
/// protected by one instance must open on every other instance and after a restart.
/// </summary>
internal sealed class PostgreSqlPortalDbContext(DbContextOptions<PostgreSqlPortalDbContext> options) : PortalDbContext(options), IDataProtectionKeyContext
{
    // The advisory lock of AcquireStartupLockAsync: any number the portal uses for nothing else ("Portal" in ASCII).
    private const string LockStartup = "SELECT pg_advisory_lock(88439591821676)";
    private const string UnlockStartup = "SELECT pg_advisory_unlock(88439591821676)";

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public override bool IsUniqueViolation(DbUpdateException exception) =>
        exception?.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

    public override string DescribeWriteFailure(Exception exception) => exception switch
    {
        PostgresException { SqlState: PostgresErrorCodes.QueryCanceled or PostgresErrorCodes.LockNotAvailable }
            or NpgsqlException { InnerException: TimeoutException } => "a lock held by another connection kept the write waiting",
        PostgresException { SqlState: PostgresErrorCodes.DiskFull } => "the database server's disk is full",
        PostgresException { SqlState: PostgresErrorCodes.ReadOnlySqlTransaction } => "the database is read-only (a standby, or default_transaction_read_only)",
        PostgresException { SqlState: PostgresErrorCodes.TooManyConnections } => "the database server has no connection left",
        PostgresException postgres => $"PostgreSQL error {postgres.SqlState}",
        NpgsqlException => "the database server cannot be reached",
        _ => exception?.GetType().Name ?? "unknown",
    };

    /// <summary>Readers go on reading the catalogue; a second import waits until this one commits or rolls back.</summary>
    public override Task LockCatalogueAsync(CancellationToken cancellationToken) =>
        Database.ExecuteSqlRawAsync("LOCK TABLE \"CatalogueDatasets\" IN EXCLUSIVE MODE", cancellationToken);

    /// <summary>
    /// A session-level advisory lock on this context's connection: released when disposed, or by the server when the
    /// connection ends (an instance that dies while starting does not block the others).
    /// </summary>
    public override async Task<IAsyncDisposable> AcquireStartupLockAsync(CancellationToken cancellationToken)
    {
        await Database.OpenConnectionAsync(cancellationToken);
        await Database.ExecuteSqlRawAsync(LockStartup, cancellationToken);
        return new StartupLock(this);
    }

    private sealed class StartupLock(PostgreSqlPortalDbContext db) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await db.Database.ExecuteSqlRawAsync(UnlockStartup);
            await db.Database.CloseConnectionAsync();
        }
    }
}
