using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Portal.Infra.Persistence;

namespace Portal.Infra.Tests.Persistence;

/// <summary>The store tests on SQLite, plus what only SQLite has: a file in the data folder and databases from before PostgreSQL.</summary>
public sealed class EfSessionStoreOnSqliteTests : EfSessionStoreTests
{
    /// <summary>The first migration, which every SQLite database made before PostgreSQL was supported has applied.</summary>
    private const string FirstMigration = "20261126062440_InitialCreate";

    protected override TestProvider Provider => TestProvider.Sqlite;

    protected override Type ExpectedContext => typeof(SqlitePortalDbContext);

    [Fact]
    public void The_database_and_the_data_protection_keys_are_files_in_the_data_folder()
    {
        // The first protect creates the key ring's first key.
        _ = Protect(Host, "sign-in cookie");

        Assert.True(File.Exists(Path.Combine(Host.DataDirectory, "portal.db")));
        Assert.Single(Directory.GetFiles(Path.Combine(Host.DataDirectory, "keys"), "key-*.xml"));
    }

    [Fact]
    public async Task A_database_made_by_the_first_migration_upgrades_with_its_resources_and_the_boolean_index_filter()
    {
        await using (var db = await Host.CreateDbContextAsync(Ct))
        {
            await db.GetService<IMigrator>().MigrateAsync(FirstMigration, Ct);
            Assert.Equal([FirstMigration], await db.Database.GetAppliedMigrationsAsync(Ct));
            Assert.Equal("\"IsGone\" = 0", await IndexFilterAsync(db));
            db.SandboxResources.AddRange(SandboxResources.Stack("portal-s1", isGone: true), SandboxResources.Stack("portal-s1", isGone: false));
            await db.SaveChangesAsync(Ct);
        }

        await RestartAsync();

        await using (var db = await Host.CreateDbContextAsync(Ct))
        {
            Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync(Ct));
            Assert.Equal("NOT \"IsGone\"", await IndexFilterAsync(db));
            Assert.Equal(2, await db.SandboxResources.CountAsync(r => r.Name == "portal-s1", Ct));
            db.SandboxResources.Add(SandboxResources.Stack("portal-s1", isGone: false));
            var refused = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync(Ct));
            Assert.True(db.IsUniqueViolation(refused), refused.InnerException?.Message);
        }
    }

    /// <summary>The WHERE clause SQLite keeps for the sandbox's one-live-resource-per-name index.</summary>
    private static async Task<string> IndexFilterAsync(PortalDbContext db)
    {
        var sql = await db.Database
            .SqlQuery<string>($"SELECT sql AS Value FROM sqlite_master WHERE type = 'index' AND name = 'IX_SandboxResources_Kind_Region_Name'")
            .SingleAsync(Ct);
        return sql[(sql.IndexOf(" WHERE ", StringComparison.Ordinal) + " WHERE ".Length)..];
    }
}
