using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Portal.Infra.Persistence;
using Portal.Infra.Tests.Support;

namespace Portal.Infra.Tests.Persistence;

public sealed class SqliteJournalTests
{
    [Fact]
    public async Task At_start_the_sqlite_database_switches_to_write_ahead_logging_so_reads_never_block_a_launch()
    {
        await using var host = await InfraTestHost.CreateAsync(TestContext.Current.CancellationToken);
        var migrator = host.Services.GetServices<IHostedService>().OfType<DatabaseMigrator>().Single();

        await migrator.StartAsync(TestContext.Current.CancellationToken);

        await using var db = await host.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);
        var mode = await db.Database.SqlQueryRaw<string>("PRAGMA journal_mode").ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal("wal", Assert.Single(mode));
    }
}
