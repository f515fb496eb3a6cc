using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Portal.Infra.Persistence;

internal static class PersistenceServiceCollectionExtensions
{
    private const string ProviderKey = DatabaseOptions.SectionName + ":" + nameof(DatabaseOptions.Provider);
    private const string ConnectionStringKey = "ConnectionStrings:" + DatabaseOptions.ConnectionStringName;

    /// <summary>
    /// Registers the database chosen by <c>Database:Provider</c> (an <see cref="IDbContextFactory{TContext}"/> of
    /// <see cref="PortalDbContext"/>, and the context itself per scope for health checks) and where data-protection
    /// keys are kept: the data folder with SQLite, the database with PostgreSQL. Its first hosted service migrates the
    /// database at start.
    /// </summary>
    /// <remarks>
    /// Interceptors registered as <see cref="IInterceptor"/> services are added to every context (tests use them to
    /// line up two writers). An unknown provider, or PostgreSQL without <c>ConnectionStrings:Portal</c>, stops startup.
    /// </remarks>
    public static IServiceCollection AddPortalDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        var provider = configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>()?.Provider ?? DatabaseOptions.Sqlite;
        var configured = configuration.GetConnectionString(DatabaseOptions.ConnectionStringName);

        // Hosted services start in registration order, so this goes first: the database must be migrated before data
        // protection's own hosted service reads the key ring from it, and before sessions are driven.
        services.AddHostedService<DatabaseMigrator>();
        var dataProtection = services.AddDataProtection().SetApplicationName("Portal");
        if (string.Equals(provider, DatabaseOptions.Sqlite, StringComparison.OrdinalIgnoreCase))
        {
            var dataDirectory = (configuration.GetSection(StorageOptions.SectionName).Get<StorageOptions>() ?? new StorageOptions()).ResolveDataDirectory();
            Directory.CreateDirectory(dataDirectory);
            var connectionString = string.IsNullOrWhiteSpace(configured)
                ? $"Data Source={Path.Combine(dataDirectory, "portal.db")}"
                : configured;
            AddContext<SqlitePortalDbContext>(services, options => options.UseSqlite(connectionString));
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

            AddContext<PostgreSqlPortalDbContext>(services, options => options.UseNpgsql(configured));
            dataProtection.PersistKeysToDbContext<PostgreSqlPortalDbContext>();
        }
        else
        {
            throw new InvalidOperationException(
                $"Configuration '{ProviderKey}' is '{provider}'; use '{DatabaseOptions.Sqlite}' or '{DatabaseOptions.PostgreSql}'.");
        }

        return services;
    }

    private static void AddContext<TContext>(IServiceCollection services, Action<DbContextOptionsBuilder> useProvider)
        where TContext : PortalDbContext
    {
        services.AddDbContextFactory<TContext>((sp, options) =>
        {
            useProvider(options);
            options.AddInterceptors(sp.GetServices<IInterceptor>());
        });
        services.AddSingleton<IDbContextFactory<PortalDbContext>, PortalDbContextFactory<TContext>>();
        services.AddScoped<PortalDbContext>(sp => sp.GetRequiredService<TContext>());
    }
}
