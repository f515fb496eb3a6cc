using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Portal.Infra.Persistence;

/// <summary>The portal's database in a SQLite file (one portal instance); migrations in <c>Migrations/Sqlite</c>.</summary>
internal sealed class SqlitePortalDbContext(DbContextOptions<SqlitePortalDbContext> options) : PortalDbContext(options)
{
    private const int SqliteConstraintUnique = 2067;

    public override bool IsUniqueViolation(DbUpdateException exception) =>
        exception?.InnerException is SqliteException { SqliteExtendedErrorCode: SqliteConstraintUnique };
}
