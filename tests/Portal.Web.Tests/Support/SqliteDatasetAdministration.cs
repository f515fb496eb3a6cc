using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Datasets;
using Portal.Infra.Catalogue;
using Portal.Infra.Persistence;

namespace Portal.Web.Tests.Support;

/// <summary>
/// The Datasets page's real use cases for component tests: the catalogue store and the admins' changes in a SQLite file
/// of the test's own (migrated here), with the page services' catalogue and audit trail.
/// </summary>
internal static class SqliteDatasetAdministration
{
    public static IServiceCollection AddSqliteDatasetAdministration(this IServiceCollection services, string databaseFile)
    {
        services.AddLogging();
        services.AddDbContextFactory<SqlitePortalDbContext>(o => o.UseSqlite($"Data Source={databaseFile};Pooling=False"));
        services.AddSingleton<IDbContextFactory<PortalDbContext>, PortalDbContextFactory<SqlitePortalDbContext>>();
        services.AddSingleton<EfCatalogueStore>();
        services.AddSingleton<EfDatasetOverrideStore>();
        services.AddSingleton<DatasetCatalogue>();
        services.AddSingleton<IDatasetAdministration, DatasetAdministration>();
        return services;
    }

    /// <summary>Creates the database's tables.</summary>
    public static void MigrateDatasetDatabase(this IServiceProvider services)
    {
        using var db = services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContext();
        db.Database.Migrate();
    }
}
