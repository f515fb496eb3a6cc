using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Portal.Infra.Persistence;

internal static class PersistenceServiceCollectionExtensions
{
    private const string ProviderKey = DatabaseOptions.SectionName + ":" + nameof(DatabaseOptions.Provider);
    private const string ConnectionStringKey = "ConnectionStrings:" + DatabaseOptions.ConnectionStringName;
    private const string DataDirectoryKey = StorageOptions.SectionName + ":" + nameof(StorageOptions.DataDirectory);

    /// <summary>
    /// Registers the database chosen by <c>Database:Provider</c> (an <see cref="IDbContextFactory{TContext}"/> of
    /// <see cref="PortalDbContext"/>, and the context itself per scope for health checks) and where data-protection
    /// keys are kept: the data folder with SQLite, the database with PostgreSQL. Its first hosted service migrates the
    /// database at start.
    /// </summary>
    /// <remarks>
    /// Interceptors registered as <see cref="IInterceptor"/> services are added to every context (tests use them to
    /// line up two writers). An unknown provider, or PostgreSQL without <c>ConnectionStrings:Portal</c>, stops startup.
    /// With SQLite one portal at a time uses the data folder (<see cref="DataFolderLock"/>).
    /// </remarks>
    public static IServiceCollection AddPortalDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        var provider = configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>()?.Provider ?? DatabaseOptions.Sqlite;
        var configured = configuration.GetConnectionString(DatabaseOptions.ConnectionStringName);

        var sqlite = string.Equals(provider, DatabaseOptions.Sqlite, StringComparison.OrdinalIgnoreCase);
        var dataDirectory = (configuration.GetSection(StorageOptions.SectionName).Get<StorageOptions>() ?? new StorageOptions()).ResolveDataDirectory();
        if (sqlite)
        {
            // Hosted services start in registration order: a second portal on the same folder is refused before it
            // touches the database (it would otherwise migrate, seed and import into the first one's file).
            services.AddHostedService(_ => new DataFolderLock(dataDirectory));
        }

        // Then the migrator: the database must be migrated before data protection's own hosted service reads the key
        // ring from it, and before sessions are driven.
        services.AddHostedService<DatabaseMigrator>();
        var dataProtection = services.AddDataProtection().SetApplicationName("Portal");
        if (sqlite)
        {
            var databaseFile = Path.Combine(dataDirectory, "portal.db");
            PrepareDataFolder(dataDirectory, databaseFile);
            var connectionString = string.IsNullOrWhiteSpace(configured)
                ? $"Data Source={databaseFile}"
                : CheckConnectionString(configured, DatabaseOptions.Sqlite, text => new SqliteConnectionStringBuilder(text));
            var guarded = GuardedFile(connectionString);
            if (guarded is not null)
            {
                services.AddSingleton(sp => new DatabaseFileGuard(guarded, sp.GetRequiredService<ILogger<DatabaseFileGuard>>()));
            }

            AddContext<SqlitePortalDbContext>(services, (sp, options) =>
            {
                options.UseSqlite(connectionString);
                if (guarded is not null)
                {
                    options.AddInterceptors(sp.GetRequiredService<DatabaseFileGuard>());
                }
            });
            dataProtection.PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(dataDirectory, "keys")));
        }
        else if (string.Equals(provider, DatabaseOptions.PostgreSql, StringComparison.OrdinalIgnoreCase))
        {
            if (string.IsNullOrWhiteSpace(configured))
            {
                throw new InvalidOperationException(
                    $"Configuration '{ConnectionStringKey}' is missing: '{ProviderKey}' is '{provider}', which needs an Npgsql connection string "
                    + $"(environment variable ConnectionStrings__{DatabaseOptions.ConnectionStringName}).");
            }

            CheckConnectionString(configured, DatabaseOptions.PostgreSql, text => new NpgsqlConnectionStringBuilder(text));
            AddContext<PostgreSqlPortalDbContext>(services, (_, options) => options.UseNpgsql(configured));
            dataProtection.PersistKeysToDbContext<PostgreSqlPortalDbContext>();
        }
        else
        {
            throw new InvalidOperationException(
                $"Configuration '{ProviderKey}' is '{provider}'; use '{DatabaseOptions.Sqlite}' or '{DatabaseOptions.PostgreSql}'.");
        }

        return services;
    }

    /// <summary>Makes the data folder (0700) and the database file (0600); a folder that cannot be made stops startup naming the key.</summary>
    private static void PrepareDataFolder(string dataDirectory, string databaseFile)
    {
        try
        {
            Directory.CreateDirectory(dataDirectory);
            DataFolderPermissions.Restrict(dataDirectory, databaseFile);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException(
                $"Configuration '{DataDirectoryKey}' is '{dataDirectory}', which the portal cannot use as its data folder ({ex.Message}): "
                + "set it to a folder the portal's user may create and write.", ex);
        }
    }

    /// <summary>
    /// A connection string the provider cannot read stops startup naming the key. The message is the parser's, which names
    /// the keyword it refuses, never the string itself: it may hold a password.
    /// </summary>
    private static string CheckConnectionString(string connectionString, string provider, Func<string, object> parse)
    {
        try
        {
            _ = parse(connectionString);
            return connectionString;
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidCastException or OverflowException)
        {
            throw new InvalidOperationException($"Configuration '{ConnectionStringKey}' is not a {provider} connection string: {ex.Message}", ex);
        }
    }

    /// <summary>The file a SQLite connection string opens, as a full path; null for an in-memory database.</summary>
    private static string? GuardedFile(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        return builder.Mode == SqliteOpenMode.Memory || string.IsNullOrEmpty(builder.DataSource) || builder.DataSource == ":memory:"
            ? null
            : Path.GetFullPath(builder.DataSource);
    }

    private static void AddContext<TContext>(IServiceCollection services, Action<IServiceProvider, DbContextOptionsBuilder> useProvider)
        where TContext : PortalDbContext
    {
        services.AddDbContextFactory<TContext>((sp, options) =>
        {
            useProvider(sp, options);
            options.AddInterceptors(sp.GetServices<IInterceptor>());
        });
        services.AddSingleton<IDbContextFactory<PortalDbContext>, PortalDbContextFactory<TContext>>();
        services.AddScoped<PortalDbContext>(sp => sp.GetRequiredService<TContext>());
    }
}
