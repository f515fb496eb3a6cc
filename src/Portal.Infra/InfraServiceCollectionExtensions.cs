using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Portal.Domain.Cloud;
using Portal.Domain.Costs;
using Portal.Domain.Datasets;
using Portal.Domain.LaunchPlans;
using Portal.Domain.Regions;
using Portal.Domain.Sessions;
using Portal.Infra.Aws;
using Portal.Infra.Notebooks;
using Portal.Infra.Orchestration;
using Portal.Infra.Persistence;
using Portal.Infra.Pricing;
using Portal.Infra.Sandbox;
using Portal.Infra.Sessions;

namespace Portal.Infra;

/// <summary>Registers the adapters: persistence, the cloud provider, prices, orchestration.</summary>
public static class InfraServiceCollectionExtensions
{
    public static IHostApplicationBuilder AddPortalInfra(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var configuration = builder.Configuration;

        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.SectionName);
        services.AddOptions<OrchestrationOptions>().BindConfiguration(OrchestrationOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SandboxOptions>().BindConfiguration(SandboxOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);

        // Also the first hosted service, the migrator: the database must exist before sessions are driven.
        services.AddPortalDatabase(configuration);

        AddDomain(services, configuration);
        AddCloud(services, configuration);

        services.AddSingleton<ISessionStore, EfSessionStore>();
        services.AddSingleton<IPriceSource, BundledPriceSource>();
        services.AddSingleton<SessionChangeNotifier>();
        services.AddSingleton<PortalUrls>();
        services.AddSingleton<NotebookWriter>();
        services.AddSingleton<SessionService>();
        services.AddSingleton<SessionCostTokens>();
        Regions.RegionsServiceCollectionExtensions.AddRegionFoundations(services);
        services.AddScoped<SessionOrchestrator>();
        services.AddSingleton<SessionOrchestrationService>();
        services.AddHostedService(sp => sp.GetRequiredService<SessionOrchestrationService>());
        return builder;
    }

    private static void AddDomain(IServiceCollection services, IConfiguration configuration)
    {
        var launch = LaunchSettings.Default;
        var launchSection = configuration.GetSection("Launch");
        launch = launch with
        {
            DaskImage = launchSection["DaskImage"] ?? launch.DaskImage,
            ServiceNamespace = launchSection["ServiceNamespace"] ?? launch.ServiceNamespace,
            NotebookInstanceType = launchSection["NotebookInstanceType"] ?? launch.NotebookInstanceType,
        };
        services.AddSingleton(launch);
        services.AddSingleton(RegionCatalog.Default);
        services.AddSingleton(DatasetCatalog.Default);
        services.AddSingleton<LaunchPlanner>();
        services.AddSingleton<CostEstimator>();
        services.AddSingleton<SessionRequestValidator>();
    }

    private static void AddCloud(IServiceCollection services, IConfiguration configuration)
    {
        var provider = configuration.GetSection(CloudOptions.SectionName).Get<CloudOptions>()?.Provider ?? CloudOptions.Sandbox;
        if (string.Equals(provider, CloudOptions.Sandbox, StringComparison.OrdinalIgnoreCase))
        {
            services.AddSingleton<SandboxCloud>();
            services.AddSingleton<IStackDeployer>(sp => sp.GetRequiredService<SandboxCloud>());
            services.AddSingleton<INotebookService>(sp => sp.GetRequiredService<SandboxCloud>());
            services.AddSingleton(new CloudInfo(CloudOptions.Sandbox, IsSandbox: true));
        }
        else if (string.Equals(provider, CloudOptions.Aws, StringComparison.OrdinalIgnoreCase))
        {
            services.AddAwsCloud(configuration);
        }
        else
        {
            throw new InvalidOperationException(
                $"Configuration 'Cloud:Provider' is '{provider}'; use '{CloudOptions.Sandbox}' or '{CloudOptions.Aws}'.");
        }
    }
}
