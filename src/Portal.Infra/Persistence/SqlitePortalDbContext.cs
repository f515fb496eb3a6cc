using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Portal.Domain;

namespace Portal.Infra.Persistence;

/// <summary>The portal's database in a SQLite file (one portal instance); migrations in <c>Migrations/Sqlite</c>.</summary>
internal sealed class SqlitePortalDbContext(DbContextOptions<SqlitePortalDbContext> options) : PortalDbContext(options)
{
    private const int SqliteConstraintUnique = 2067;

    // SQLite's primary result codes (sqlite.org/rescode.html).
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;
    private const int SqliteReadOnly = 8;
    private const int SqliteIoError = 10;
    private const int SqliteCorrupt = 11;
    private const int SqliteFull = 13;
    private const int SqliteCantOpen = 14;
    private const int SqliteNotADatabase = 26;

    public override bool IsUniqueViolation(DbUpdateException exception) =>
        exception?.InnerException is SqliteException { SqliteExtendedErrorCode: SqliteConstraintUnique };

    public override string DescribeWriteFailure(Exception exception) => exception switch
    {
        SqliteException { SqliteErrorCode: SqliteBusy or SqliteLocked } => "another connection holds the database's write lock",
        SqliteException { SqliteErrorCode: SqliteFull } => "the disk is full",
        SqliteException { SqliteErrorCode: SqliteReadOnly } => "the database file is read-only",
        SqliteException { SqliteErrorCode: SqliteIoError } => "the disk reports an I/O error",
        SqliteException { SqliteErrorCode: SqliteCantOpen } => "the database file cannot be opened",
        SqliteException { SqliteErrorCode: SqliteCorrupt or SqliteNotADatabase } => "the database file is damaged",
        SqliteException sqlite => $"SQLite error {sqlite.SqliteErrorCode}",
        StoreUnavailableException => "the database file was deleted or moved while the portal ran",
        _ => exception?.GetType().Name ?? "unknown",
    };

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
