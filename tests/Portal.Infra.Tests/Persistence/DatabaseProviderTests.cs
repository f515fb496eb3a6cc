using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Portal.Infra.Persistence;

namespace Portal.Infra.Tests.Persistence;

/// <summary>How <c>Database:Provider</c> and <c>ConnectionStrings:Portal</c> compose the database, checked without a server.</summary>
public sealed class DatabaseProviderTests : IDisposable
{
    private const string SomePostgreSql = "Host=db.internal;Port=5432;Database=portal;Username=portal;Password=secret;SSL Mode=Require";
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "portal-infra-tests", Guid.NewGuid().ToString("N"));

    [Theory]
    [InlineData(null, typeof(SqlitePortalDbContext))]
    [InlineData("Sqlite", typeof(SqlitePortalDbContext))]
    [InlineData("SQLITE", typeof(SqlitePortalDbContext))]
    [InlineData("PostgreSQL", typeof(PostgreSqlPortalDbContext))]
    [InlineData("postgresql", typeof(PostgreSqlPortalDbContext))]
    public void Database_provider_chooses_the_context_in_any_letter_case(string? provider, Type expected)
    {
        using var host = Build(new() { ["Database:Provider"] = provider, ["ConnectionStrings:Portal"] = expected == typeof(PostgreSqlPortalDbContext) ? SomePostgreSql : null });

        using var db = host.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContext();
        using var scope = host.Services.CreateScope();

        Assert.IsType(expected, db);
        Assert.IsType(expected, scope.ServiceProvider.GetRequiredService<PortalDbContext>());
    }

    [Fact]
    public void Sqlite_keeps_portal_db_in_the_data_folder_unless_a_connection_string_names_another_file()
    {
        var other = Path.Combine(_folder, "elsewhere.db");

        Assert.Equal(Path.Combine(_folder, "portal.db"), DataSource(new()));
        Assert.Equal(other, DataSource(new() { ["ConnectionStrings:Portal"] = $"Data Source={other}" }));
    }

    [Fact]
    public void PostgreSql_connects_with_the_connection_string_as_given_and_needs_no_data_folder()
    {
        using var host = Build(new() { ["Database:Provider"] = "PostgreSQL", ["ConnectionStrings:Portal"] = SomePostgreSql });
        using var db = host.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContext();

        var connection = new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString());

        Assert.Equal(("db.internal", "portal", SslMode.Require), (connection.Host, connection.Database, connection.SslMode));
        Assert.False(Directory.Exists(_folder), "PostgreSQL needs no data folder.");
    }

    [Theory]
    [InlineData("Oracle")]
    [InlineData("Postgres")]
    [InlineData("")]
    public void An_unknown_provider_stops_startup_with_the_key_in_the_message(string provider)
    {
        var error = Assert.Throws<InvalidOperationException>(() => Build(new() { ["Database:Provider"] = provider, ["ConnectionStrings:Portal"] = SomePostgreSql }));

        Assert.Contains("'Database:Provider'", error.Message, StringComparison.Ordinal);
        Assert.Contains($"'{provider}'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(" ")]
    public void PostgreSql_without_a_connection_string_stops_startup_with_the_key_in_the_message(string? connectionString)
    {
        var error = Assert.Throws<InvalidOperationException>(() => Build(new() { ["Database:Provider"] = "PostgreSQL", ["ConnectionStrings:Portal"] = connectionString }));

        Assert.Contains("'ConnectionStrings:Portal'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Sqlite", "Data Source=portal.db;Password=hunter2;Colour=blue", "Colour")]
    [InlineData("PostgreSQL", "Host=db.internal;Password=hunter2;Colour=blue", "colour")]
    public void A_connection_string_the_provider_cannot_read_stops_startup_naming_the_key_and_not_the_string(string provider, string connectionString, string keyword)
    {
        var error = Assert.Throws<InvalidOperationException>(() => Build(new() { ["Database:Provider"] = provider, ["ConnectionStrings:Portal"] = connectionString }));

        Assert.StartsWith("Configuration 'ConnectionStrings:Portal' is not a", error.Message, StringComparison.Ordinal);
        Assert.Contains(keyword, error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("hunter2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_data_folder_that_cannot_be_made_stops_startup_with_the_key_in_the_message()
    {
        Directory.CreateDirectory(_folder);
        var file = Path.Combine(_folder, "a-file");
        File.WriteAllText(file, "not a folder");

        var error = Assert.Throws<InvalidOperationException>(() => Build(new() { ["Storage:DataDirectory"] = Path.Combine(file, "Portal") }));

        Assert.StartsWith($"Configuration 'Storage:DataDirectory' is '{Path.Combine(file, "Portal")}', which the portal cannot use", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(TestProvider.Sqlite, "Sqlite")]
    [InlineData(TestProvider.PostgreSql, "PostgreSql")]
    public void Each_provider_has_its_own_migrations_and_no_model_change_is_pending(TestProvider provider, string folder)
    {
        using var db = DesignTime(provider);

        var migrations = db.GetService<IMigrationsAssembly>().Migrations.Values;

        Assert.False(db.Database.HasPendingModelChanges(), $"The {provider} model differs from its last migration: add a migration for that context.");
        Assert.NotEmpty(migrations);
        Assert.All(migrations, m => Assert.Equal($"Portal.Infra.Persistence.Migrations.{folder}", m.Namespace));
    }

    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [InlineData(TestProvider.PostgreSql)]
    public void Both_providers_filter_the_sandbox_index_on_the_boolean_itself(TestProvider provider)
    {
        using var db = DesignTime(provider);

        var script = db.Database.GenerateCreateScript();

        Assert.Contains("\"IX_SandboxResources_Kind_Region_Name\"", script, StringComparison.Ordinal);
        Assert.Contains("WHERE NOT \"IsGone\";", script, StringComparison.Ordinal);
        Assert.DoesNotContain("\"IsGone\" = 0", script, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    /// <summary>The context as <c>dotnet ef</c> builds it: no configuration, no server.</summary>
    private static PortalDbContext DesignTime(TestProvider provider) => provider == TestProvider.Sqlite
        ? new SqlitePortalDbContextDesignTimeFactory().CreateDbContext([])
        : new PostgreSqlPortalDbContextDesignTimeFactory().CreateDbContext([]);

    private string DataSource(Dictionary<string, string?> settings)
    {
        using var host = Build(settings);
        using var db = host.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContext();
        return db.Database.GetDbConnection().DataSource;
    }

    private IHost Build(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:DataDirectory"] = _folder, ["Sandbox:Compute"] = "Simulated" });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddPortalInfra();
        return builder.Build();
    }
}
