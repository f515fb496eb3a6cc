using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Portal.Domain;
using Portal.Domain.Sessions;
using Portal.Infra.Persistence;
using Portal.Infra.Tests.Support;

namespace Portal.Infra.Tests.Persistence;

/// <summary>A SQLite file deleted under a running portal: nothing more is written where it would not last.</summary>
public sealed class DatabaseFileGuardTests : IAsyncLifetime
{
    private const string Gone = "The portal's database file was deleted or moved while the portal ran, so nothing can be saved until the portal is restarted.";
    private static readonly Actor Ada = new("ada", isAdmin: false);

    private InfraTestHost _host = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string DatabaseFile => Path.Combine(_host.DataDirectory, "portal.db");

    public async ValueTask InitializeAsync() => _host = await InfraTestHost.CreateAsync(Ct);

    public async ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task After_the_database_file_is_deleted_a_launch_fails_saying_so_instead_of_writing_into_the_deleted_file()
    {
        Assert.True((await _host.Sessions.LaunchAsync(Ada, SampleRequests.FirstRun, Ct)).Succeeded);

        File.Delete(DatabaseFile);

        var error = await Assert.ThrowsAsync<StoreUnavailableException>(() => _host.Sessions.LaunchAsync(Ada, SampleRequests.FirstRun, Ct));
        Assert.Equal(Gone, error.Message);
        Assert.False(File.Exists(DatabaseFile), "Nothing makes a new, empty database file in its place.");
    }

    [Fact]
    public async Task After_the_database_file_is_deleted_the_write_check_is_unhealthy_saying_why()
    {
        File.Delete(DatabaseFile);

        var report = await _host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(r => r.Name == DatabaseWriteCheck.Name, Ct);

        var entry = report.Entries[DatabaseWriteCheck.Name];
        Assert.Equal(HealthStatus.Unhealthy, entry.Status);
        Assert.Equal("writes fail: the database file was deleted or moved while the portal ran", entry.Description);
    }

    [Fact]
    public async Task A_database_file_put_back_where_it_was_is_used_again()
    {
        var aside = DatabaseFile + ".aside";
        File.Move(DatabaseFile, aside);
        await Assert.ThrowsAsync<StoreUnavailableException>(() => _host.Store.ListAsync(null, Ct));

        File.Move(aside, DatabaseFile);

        Assert.Empty(await _host.Store.ListAsync(null, Ct));
    }
}
