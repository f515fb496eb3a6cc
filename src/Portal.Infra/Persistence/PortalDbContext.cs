using Microsoft.EntityFrameworkCore;
using Portal.Domain.Sessions;
using Portal.Infra.Sandbox;

namespace Portal.Infra.Persistence;

/// <summary>
/// The portal's database: sessions with their steps and events, and the sandbox cloud's resources. One model for every
/// provider; each provider has its own derived context so that it has its own migrations
/// (<see cref="SqlitePortalDbContext"/>, <see cref="PostgreSqlPortalDbContext"/>).
/// </summary>
internal abstract class PortalDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<Session> Sessions => Set<Session>();

    public DbSet<SessionEventRecord> SessionEvents => Set<SessionEventRecord>();

    public DbSet<SandboxResource> SandboxResources => Set<SandboxResource>();

    /// <summary>Whether a save failed because a row with the same unique key exists already (another writer got there first).</summary>
    public abstract bool IsUniqueViolation(DbUpdateException exception);

    /// <summary>
    /// Waits until no other portal instance is starting on this database and keeps them waiting until disposed, so that
    /// one instance at a time migrates it and makes what must exist once.
    /// </summary>
    public abstract Task<IAsyncDisposable> AcquireStartupLockAsync(CancellationToken cancellationToken);

    /// <summary>Settings the database file itself keeps, applied once at start after migrating.</summary>
    public virtual Task ConfigureDatabaseAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(PortalDbContext).Assembly);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite cannot compare or order DateTimeOffset text; store instants as Unix milliseconds. PostgreSQL does the
        // same, so both providers keep instants with the same (millisecond) precision and sort them alike.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToUnixMillisecondsConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<DateTimeOffsetToUnixMillisecondsConverter>();
    }
}
