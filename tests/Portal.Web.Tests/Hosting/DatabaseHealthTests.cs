using System.Net;
using Microsoft.Data.Sqlite;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Hosting;

/// <summary><c>/healthz</c> (the load balancer's readiness check) says Unhealthy when the database does not take writes.</summary>
public sealed class DatabaseHealthTests : IAsyncLifetime
{
    private readonly WebHost _host = new();
    private HttpClient _client = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private string DatabaseFile => Path.Combine(_host.DataDirectory, "portal.db");

    public ValueTask InitializeAsync()
    {
        _client = _host.CreateClient();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        SqliteConnection.ClearAllPools();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task While_another_process_holds_the_sqlite_write_lock_healthz_answers_503_with_the_reason_and_200_once_it_lets_go()
    {
        Assert.Equal(HttpStatusCode.OK, (await HealthzAsync()).Status);

        await using (var other = new SqliteConnection($"Data Source={DatabaseFile};Pooling=False"))
        {
            await other.OpenAsync(Cancel);
            await using var begin = other.CreateCommand();
            begin.CommandText = "BEGIN IMMEDIATE;";
            await begin.ExecuteNonQueryAsync(Cancel);

            var (status, body) = await HealthzAsync();

            Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
            Assert.StartsWith("Unhealthy", body, StringComparison.Ordinal);
            Assert.Contains("database-writes: writes fail: another connection holds the database's write lock", body, StringComparison.Ordinal);
            Assert.DoesNotContain(_host.DataDirectory, body, StringComparison.Ordinal);
        }

        Assert.Equal((HttpStatusCode.OK, "Healthy"), await HealthzAsync());
    }

    [Fact]
    public async Task Once_the_database_file_is_deleted_healthz_answers_503_saying_so()
    {
        Assert.Equal(HttpStatusCode.OK, (await HealthzAsync()).Status);

        File.Delete(DatabaseFile);
        var (status, body) = await HealthzAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Contains("database-writes: writes fail: the database file was deleted or moved while the portal ran", body, StringComparison.Ordinal);
        Assert.DoesNotContain(_host.DataDirectory, body, StringComparison.Ordinal);
    }

    private async Task<(HttpStatusCode Status, string Body)> HealthzAsync()
    {
        using var response = await _client.GetAsync(new Uri("/healthz", UriKind.Relative), Cancel);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(Cancel));
    }
}
