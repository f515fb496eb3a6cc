using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Portal.Infra.Persistence;

/// <summary>
/// Lets <c>dotnet ef migrations add --context PostgreSqlPortalDbContext</c> build the context without starting the web
/// app; adding a migration does not connect, so the connection string only has to parse.
/// </summary>
internal sealed class PostgreSqlPortalDbContextDesignTimeFactory : IDesignTimeDbContextFactory<PostgreSqlPortalDbContext>
{
    public PostgreSqlPortalDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgreSqlPortalDbContext>().UseNpgsql("Host=localhost;Database=portal_design_time").Options);
}
