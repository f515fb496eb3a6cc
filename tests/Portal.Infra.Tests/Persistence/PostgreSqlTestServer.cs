using System.Net.Sockets;
using Npgsql;

namespace Portal.Infra.Tests.Persistence;

/// <summary>
/// The PostgreSQL server the tests run against: the Npgsql connection string in <c>PORTAL_TEST_POSTGRES</c>, by default
/// <c>Host=127.0.0.1;Port=5432;Username=portal;Password=portal</c> (the role needs CREATEDB). Each test gets a database
/// of its own with a random name, dropped after it. When the server cannot be reached the test fails under
/// <c>CI=true</c> (.ci/run starts a server, so this is a broken machine) and is skipped with the reason otherwise.
/// </summary>
public static class PostgreSqlTestServer
{
    public const string Variable = "PORTAL_TEST_POSTGRES";
    private const string DefaultConnectionString = "Host=127.0.0.1;Port=5432;Username=portal;Password=portal";

    /// <summary>Asked once per test run: null when the server answers, else why not.</summary>
    private static readonly Lazy<Task<string?>> Unreachable = new(ProbeAsync);

    private static NpgsqlConnectionStringBuilder Server
    {
        get
        {
            var configured = Environment.GetEnvironmentVariable(Variable);
            var builder = new NpgsqlConnectionStringBuilder(string.IsNullOrWhiteSpace(configured) ? DefaultConnectionString : configured);

            // Without a database Npgsql picks the user's own, which need not exist; "postgres" always does.
            builder.Database = string.IsNullOrEmpty(builder.Database) ? "postgres" : builder.Database;
            builder.Timeout = Math.Min(builder.Timeout, 5);
            return builder;
        }
    }

    private static bool RunningInCi =>
        string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Creates an empty database for one test (fails or skips the test when the server cannot be reached).</summary>
    public static async Task<PostgreSqlTestDatabase> CreateDatabaseAsync(CancellationToken cancellationToken)
    {
        if (await Unreachable.Value is { } reason)
        {
            if (RunningInCi)
            {
                throw new InvalidOperationException($"{reason} CI=true, so this is a failure: .ci/run starts PostgreSQL and exports {Variable}.");
            }

            Assert.Skip($"{reason} Start PostgreSQL or set {Variable} to run the PostgreSQL tests (under CI=true they fail instead).");
        }

        var name = $"portal_test_{Guid.NewGuid():N}";
        await ExecuteAsync($"CREATE DATABASE \"{name}\"", cancellationToken);
        var connectionString = new NpgsqlConnectionStringBuilder(Server.ConnectionString) { Database = name }.ConnectionString;
        return new PostgreSqlTestDatabase(name, connectionString);
    }

    /// <summary>Runs one statement in the server's maintenance database (CREATE and DROP DATABASE cannot run elsewhere).</summary>
    internal static async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(Server.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<string?> ProbeAsync()
    {
        var server = Server;
        var where = $"PostgreSQL at {server.Host}:{server.Port} as {server.Username} ({Variable})";
        try
        {
            await using var connection = new NpgsqlConnection(server.ConnectionString);
            await connection.OpenAsync();
            return null;
        }
        catch (Exception ex) when (ex is NpgsqlException or SocketException or TimeoutException or InvalidOperationException)
        {
            return $"{where} is not reachable ({ex.Message.TrimEnd('.')}).";
        }
    }
}
