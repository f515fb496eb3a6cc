using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Portal.Infra.Persistence;

/// <summary>Lets <c>dotnet ef migrations add --context SqlitePortalDbContext</c> build the context without starting the web app.</summary>
internal sealed class SqlitePortalDbContextDesignTimeFactory : IDesignTimeDbContextFactory<SqlitePortalDbContext>
{
    public SqlitePortalDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlitePortalDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
