using Microsoft.EntityFrameworkCore;
using Portal.Domain.Sessions;
using Portal.Infra.Sandbox;

namespace Portal.Infra.Persistence;

/// <summary>
/// The portal's database: sessions with their steps, events and locality figures, the dataset catalogue, fetched price books, and the sandbox
/// cloud's resources.
/// One model for every provider; each provider has its own derived context so that it has its own migrations
/// (<see cref="SqlitePortalDbContext"/>, <see cref="PostgreSqlPortalDbContext"/>).
/// </summary>
internal abstract class PortalDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<Session> Sessions => Set<Session>();

    public DbSet<SessionEventRecord> SessionEvents => Set<SessionEventRecord>();

    public DbSet<SandboxResource> SandboxResources => Set<SandboxResource>();

    public DbSet<ReapedResourceRecord> ReapedResources => Set<ReapedResourceRecord>();

    public DbSet<StepDocumentRecord> StepDocuments => Set<StepDocumentRecord>();

    public DbSet<SessionLocalityRecord> SessionLocality => Set<SessionLocalityRecord>();

    public DbSet<WriteProbeRecord> WriteProbes => Set<WriteProbeRecord>();

    public DbSet<CatalogueDatasetRecord> CatalogueDatasets => Set<CatalogueDatasetRecord>();

    public DbSet<CatalogueImportRecord> CatalogueImports => Set<CatalogueImportRecord>();

    public DbSet<DatasetOverrideRecord> DatasetOverrides => Set<DatasetOverrideRecord>();

    public DbSet<PriceBookRecord> PriceBooks => Set<PriceBookRecord>();

    public DbSet<BudgetRecord> Budgets => Set<BudgetRecord>();

    public DbSet<BudgetNoticeRecord> BudgetNotices => Set<BudgetNoticeRecord>();

    public DbSet<PortalLimitRecord> PortalLimits => Set<PortalLimitRecord>();

    public DbSet<RegionRecord> Regions => Set<RegionRecord>();

    /// <summary>The append-only audit log: insert and read only (triggers refuse updates and deletes).</summary>
    public DbSet<AuditEntryRecord> AuditEntries => Set<AuditEntryRecord>();

    /// <summary>Whether a save failed because a row with the same unique key exists already (another writer got there first).</summary>
    public abstract bool IsUniqueViolation(DbUpdateException exception);

    /// <summary>
    /// Why a write failed, in words an operator can act on: never the provider's own message, which may name a host, a
    /// file or a user (the readiness check's answer is anonymous).
    /// </summary>
    public abstract string DescribeWriteFailure(Exception exception);

    /// <summary>
    /// Waits until no other portal instance is starting on this database and keeps them waiting until disposed, so that
    /// one instance at a time migrates it and makes what must exist once.
    /// </summary>
    public abstract Task<IAsyncDisposable> AcquireStartupLockAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Inside an import's transaction, before it reads the stored catalogue: keeps another instance's import from
    /// replacing the catalogue between this one's read and its write (a merge would lose the other's datasets).
    /// </summary>
    public virtual Task LockCatalogueAsync(CancellationToken cancellationToken) => Task.CompletedTask;

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
