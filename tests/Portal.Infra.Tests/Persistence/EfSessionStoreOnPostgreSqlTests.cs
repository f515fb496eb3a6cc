using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Portal.Infra.Persistence;
using Portal.Infra.Tests.Aws.Support;

namespace Portal.Infra.Tests.Persistence;

/// <summary>
/// The store tests on a real PostgreSQL (see <see cref="PostgreSqlTestServer"/>), each on a fresh database, plus what only
/// PostgreSQL has: data-protection keys in the database, and several instances starting on one empty database at once.
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
    public async Task Portals_starting_together_on_an_empty_database_migrate_it_once_share_one_key_and_log_no_error()
    {
        var database = await PostgreSqlTestServer.CreateDatabaseAsync(Ct);
        var logs = new CapturingLoggerProvider();
        var folders = Enumerable.Range(0, 3).Select(_ => Directory.CreateTempSubdirectory("portal-infra-tests-").FullName).ToList();
        var portals = folders.Select(folder => BuildPortal(database, folder, logs)).ToList();
        try
        {
            // Every hosted service starts in order, as in the web app: the migrator, data protection's key ring loader
            // (which reads the keys table), the orchestrator. Three containers of a first deployment start at once.
            await Task.WhenAll(portals.Select(p => Task.Run(() => p.StartAsync(Ct), Ct)));

            await using var db = new PostgreSqlPortalDbContext(new DbContextOptionsBuilder<PostgreSqlPortalDbContext>().UseNpgsql(database.ConnectionString).Options);
            Assert.Empty(logs.Lines.Where(l => l.Level >= LogLevel.Error).Select(l => $"{l.Category}: {l.Message} {l.Exception}"));
            Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync(Ct));
            Assert.Single(await db.DataProtectionKeys.ToListAsync(Ct));
            foreach (var (from, to) in portals.SelectMany(a => portals.Select(b => (a, b))))
            {
                var token = Protector(from).Protect("sign-in cookie");
                Assert.Equal("sign-in cookie", Protector(to).Unprotect(token));
            }
        }
        finally
        {
            foreach (var portal in portals)
            {
                await portal.StopAsync(CancellationToken.None);
                portal.Dispose();
            }

            await database.DropAsync();
            folders.ForEach(folder => Directory.Delete(folder, recursive: true));
        }
    }

    private static IDataProtector Protector(IHost portal) =>
        portal.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("Portal.Infra.Tests");

    /// <summary>The portal's infrastructure as the web app composes it, on <paramref name="database"/>, with a data folder of its own.</summary>
    private static IHost BuildPortal(PostgreSqlTestDatabase database, string folder, CapturingLoggerProvider logs)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:DataDirectory"] = folder,
            ["Database:Provider"] = "PostgreSQL",
            ["ConnectionStrings:Portal"] = database.ConnectionString,
            ["Sandbox:Compute"] = "Simulated",
        });
        builder.Logging.AddProvider(logs);
        builder.AddPortalInfra();
        return builder.Build();
    }
}
