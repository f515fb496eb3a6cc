using Microsoft.EntityFrameworkCore;
using Portal.Domain.Sessions;
using Portal.Infra.Sandbox;

namespace Portal.Infra.Persistence;

/// <summary>The portal's database: sessions with their steps and events, and the sandbox cloud's resources.</summary>
internal sealed class PortalDbContext(DbContextOptions<PortalDbContext> options) : DbContext(options)
{
    public DbSet<Session> Sessions => Set<Session>();

    public DbSet<SessionEventRecord> SessionEvents => Set<SessionEventRecord>();

    public DbSet<SandboxResource> SandboxResources => Set<SandboxResource>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(PortalDbContext).Assembly);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite cannot compare or order DateTimeOffset text; store instants as Unix milliseconds.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToUnixMillisecondsConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<DateTimeOffsetToUnixMillisecondsConverter>();
    }
}
