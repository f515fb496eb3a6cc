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
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public override bool IsUniqueViolation(DbUpdateException exception) =>
        exception?.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };
}
