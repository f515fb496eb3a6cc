using Npgsql;

namespace Portal.Infra.Tests.Persistence;

/// <summary>A database made for one test on the test server; <see cref="DropAsync"/> removes it.</summary>
public sealed class PostgreSqlTestDatabase(string name, string connectionString)
{
    public string Name { get; } = name;

    /// <summary>An Npgsql connection string to this database, as the portal reads it from <c>ConnectionStrings:Portal</c>.</summary>
    public string ConnectionString { get; } = connectionString;

    public async Task DropAsync()
    {
        // FORCE ends the sessions the portal's connection pools still hold open on it.
        await using var connection = new NpgsqlConnection(ConnectionString);
        NpgsqlConnection.ClearPool(connection);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await PostgreSqlTestServer.ExecuteAsync($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", CancellationToken.None);
                return;
            }
            catch (PostgresException ex) when (ex.SqlState is PostgresErrorCodes.InsufficientPrivilege or PostgresErrorCodes.ObjectInUse)
            {
                // An autovacuum worker of the server (not ours to end) is on the database for a moment: wait for it. A
                // database still there after that is left for the server's next clean-up; the test itself is over.
                if (attempt == 5)
                {
                    return;
                }

                await Task.Delay(TimeSpan.FromMilliseconds(500 * attempt));
            }
        }
    }
}
