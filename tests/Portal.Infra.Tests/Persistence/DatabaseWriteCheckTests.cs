using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;
using Portal.Infra.Persistence;
using Portal.Infra.Tests.Support;

namespace Portal.Infra.Tests.Persistence;

/// <summary>The readiness check writes: a database that answers but does not take writes is Unhealthy, saying why.</summary>
public sealed class DatabaseWriteCheckTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(TestProvider.Sqlite, "writes fail: another connection holds the database's write lock")]
    [InlineData(TestProvider.PostgreSql, "writes fail: a lock held by another connection kept the write waiting")]
    public async Task A_write_lock_held_elsewhere_makes_the_check_unhealthy_until_it_is_let_go(TestProvider provider, string reason)
    {
        await using var host = await InfraTestHost.CreateAsync(Ct, provider: provider);
        Assert.Equal(HealthStatus.Healthy, (await CheckAsync(host)).Status);

        await using (var other = await OpenAnotherConnectionAsync(host))
        {
            await ExecuteAsync(other, provider == TestProvider.Sqlite ? "BEGIN IMMEDIATE" : "BEGIN; LOCK TABLE \"WriteProbes\" IN EXCLUSIVE MODE");

            var locked = await CheckAsync(host);

            Assert.Equal(HealthStatus.Unhealthy, locked.Status);
            Assert.Equal(reason, locked.Description);
        }

        Assert.Equal(HealthStatus.Healthy, (await CheckAsync(host)).Status);
    }

    [Fact]
    public async Task A_read_only_postgresql_database_makes_the_check_unhealthy()
    {
        await using var host = await InfraTestHost.CreateAsync(Ct, provider: TestProvider.PostgreSql);
        await using (var other = await OpenAnotherConnectionAsync(host))
        {
            await ExecuteAsync(other, $"ALTER DATABASE \"{other.Database}\" SET default_transaction_read_only = on");
        }

        // The setting applies to connections opened from now on.
        NpgsqlConnection.ClearAllPools();
        var entry = await CheckAsync(host);

        Assert.Equal(HealthStatus.Unhealthy, entry.Status);
        Assert.Equal("writes fail: the database is read-only (a standby, or default_transaction_read_only)", entry.Description);
    }

    [Fact]
    public async Task The_check_makes_its_row_again_when_it_is_gone()
    {
        await using var host = await InfraTestHost.CreateAsync(Ct);
        await using (var db = await host.CreateDbContextAsync(Ct))
        {
            await db.WriteProbes.ExecuteDeleteAsync(Ct);
        }

        Assert.Equal(HealthStatus.Healthy, (await CheckAsync(host)).Status);

        await using var after = await host.CreateDbContextAsync(Ct);
        var row = Assert.Single(await after.WriteProbes.ToListAsync(Ct));
        Assert.Equal(InfraTestHost.Start, row.WrittenAt);
    }

    private static async Task<HealthReportEntry> CheckAsync(InfraTestHost host)
    {
        var report = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(r => r.Name == DatabaseWriteCheck.Name, Ct);
        return report.Entries[DatabaseWriteCheck.Name];
    }

    /// <summary>A connection of its own to the portal's database, outside its pool: another process, as far as the portal can tell.</summary>
    private static async Task<DbConnection> OpenAnotherConnectionAsync(InfraTestHost host)
    {
        await using var db = await host.CreateDbContextAsync(Ct);
        DbConnection connection = host.Provider == TestProvider.Sqlite
            ? new SqliteConnection(new SqliteConnectionStringBuilder(db.Database.GetConnectionString()) { Pooling = false }.ConnectionString)
            : new NpgsqlConnection(new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString()) { Pooling = false }.ConnectionString);
        await connection.OpenAsync(Ct);
        return connection;
    }

    private static async Task ExecuteAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(Ct);
    }
}
