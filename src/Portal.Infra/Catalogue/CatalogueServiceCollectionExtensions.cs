using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Datasets;
using Portal.Infra.Persistence;

namespace Portal.Infra.Catalogue;

internal static class CatalogueServiceCollectionExtensions
{
    /// <summary>
    /// The stored catalogue (<see cref="IDatasetCatalogue"/>) and its start: register right after the database, so that
    /// its hosted service runs after the migrator and before anything reads the <see cref="DatasetCatalog"/>.
    /// </summary>
    public static IServiceCollection AddPortalCatalogue(this IServiceCollection services)
    {
        services.AddOptions<CatalogueOptions>().BindConfiguration(CatalogueOptions.SectionName);
        services.AddSingleton<EfCatalogueStore>();
        services.AddSingleton<DatasetCatalogue>();
        services.AddSingleton<IDatasetCatalogue>(sp => sp.GetRequiredService<DatasetCatalogue>());
        services.AddSingleton<EfDatasetOverrideStore>();
        services.AddSingleton<IDatasetAdministration, DatasetAdministration>();
        services.AddHostedService<CatalogueStartup>();
        return services;
    }
}
