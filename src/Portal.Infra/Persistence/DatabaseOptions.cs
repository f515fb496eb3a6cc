namespace Portal.Infra.Persistence;

/// <summary>Which database the portal keeps its state in.</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";
    public const string Sqlite = "Sqlite";
    public const string PostgreSql = "PostgreSQL";

    /// <summary>The connection string name: <c>ConnectionStrings:Portal</c>.</summary>
    public const string ConnectionStringName = "Portal";

    /// <summary>
    /// <c>Sqlite</c> (a file in the data folder; one portal instance) or <c>PostgreSQL</c> (several instances share it;
    /// needs <c>ConnectionStrings:Portal</c>). Case-insensitive.
    /// </summary>
    /// <remarks>Defaults to <c>Sqlite</c>.</remarks>
    public string Provider { get; set; } = Sqlite;
}
