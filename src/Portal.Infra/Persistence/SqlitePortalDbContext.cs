using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Portal.Infra.Persistence;

/// <summary>The portal's database in a SQLite file (one portal instance); migrations in <c>Migrations/Sqlite</c>.</summary>
internal sealed class SqlitePortalDbContext(DbContextOptions<SqlitePortalDbContext> options) : PortalDbContext(options)
{
    private const int SqliteConstraintUnique = 2067;

    public override bool IsUniqueViolation(DbUpdateException exception) =>
        exception?.InnerException is SqliteException { SqliteExtendedErrorCode: SqliteConstraintUnique };

    /// <summary>Nothing to wait for: one portal instance per SQLite file (EF's own migration lock covers the rest).</summary>
    public override Task<IAsyncDisposable> AcquireStartupLockAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IAsyncDisposable>(NoLock.Instance);

    /// <summary>
    /// Write-ahead logging: readers (the background service polls, pages load) never block a writer, so a launch is
    /// not starved of the lock behind a stream of reads, as it can be with SQLite's default rollback journal.
    /// </summary>
    public override Task ConfigureDatabaseAsync(CancellationToken cancellationToken) =>
        Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);

    private sealed class NoLock : IAsyncDisposable
    {
        public static readonly NoLock Instance = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
