using Microsoft.EntityFrameworkCore;
using Portal.Infra.Persistence;

namespace Portal.Infra.Tests.Persistence;

/// <summary>
/// The store tests on a real PostgreSQL (see <see cref="PostgreSqlTestServer"/>), each on a fresh database, plus what only
/// PostgreSQL has: data-protection keys in the database, and several instances migrating one database at once.
/// </summary>
public sealed class EfSessionStoreOnPostgreSqlTests : EfSessionStoreTests
{
    protected override TestProvider Provider => TestProvider.PostgreSql;

    protected override Type ExpectedContext => typeof(PostgreSqlPortalDbContext);

    [Fact]
    public async Task Each_test_has_a_fresh_database_of_its_own()
    {
        await using var db = await Host.CreateDbContextAsync(Ct);

        Assert.StartsWith("portal_test_", db.Database.GetDbConnection().Database, StringComparison.Ordinal);
        Assert.Empty(await db.Sessions.ToListAsync(Ct));
        Assert.Empty(await db.SessionEvents.ToListAsync(Ct));
    }

    [Fact]
    public async Task Data_protection_keys_are_rows_in_the_database_and_nothing_is_written_to_the_data_folder()
    {
        // The first instance creates the first key; the second finds it in the database instead of making its own.
        _ = Protect(Host, "sign-in cookie");
        await using var other = await Host.StartAnotherInstanceAsync(Ct);
        _ = Protect(other, "notebook link");

        await using var db = Assert.IsType<PostgreSqlPortalDbContext>(await Host.CreateDbContextAsync(Ct));
        var key = Assert.Single(await db.DataProtectionKeys.ToListAsync(Ct));
        Assert.StartsWith("<key id=", key.Xml, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(Host.DataDirectory));
        Assert.Empty(Directory.EnumerateFileSystemEntries(other.DataDirectory));
    }

    [Fact]
    public async Task Instances_starting_together_over_an_empty_database_migrate_it_once()
    {
        var database = await PostgreSqlTestServer.CreateDatabaseAsync(Ct);
        var options = new DbContextOptionsBuilder<PostgreSqlPortalDbContext>().UseNpgsql(database.ConnectionString).Options;
        var instances = Enumerable.Range(0, 3).Select(_ => new PostgreSqlPortalDbContext(options)).ToList();
        try
        {
            // What DatabaseMigrator does in each instance at start; EF serialises them with a lock in the database.
            await Task.WhenAll(instances.Select(db => Task.Run(() => db.Database.MigrateAsync(Ct), Ct)));

            await using var check = new PostgreSqlPortalDbContext(options);
            Assert.Equal(check.Database.GetMigrations(), await check.Database.GetAppliedMigrationsAsync(Ct));
        }
        finally
        {
            foreach (var db in instances)
            {
                await db.DisposeAsync();
            }

            await database.DropAsync();
        }
    }
}
