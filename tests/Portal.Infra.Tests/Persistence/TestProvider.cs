namespace Portal.Infra.Tests.Persistence;

/// <summary>The database an <see cref="Support.InfraTestHost"/> runs on (<c>Database:Provider</c>).</summary>
public enum TestProvider
{
    /// <summary>A SQLite file in the host's data folder.</summary>
    Sqlite,

    /// <summary>A fresh database on the PostgreSQL server of <see cref="PostgreSqlTestServer"/>.</summary>
    PostgreSql,
}
