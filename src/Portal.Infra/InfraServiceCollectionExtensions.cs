using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Portal.Domain;
using Portal.Domain.Accounts;
using Portal.Domain.Audit;
using Portal.Domain.Budgets;
using Portal.Domain.Cloud;
using Portal.Domain.Costs;
using Portal.Domain.Datasets;
using Portal.Domain.LaunchPlans;
using Portal.Domain.Quotas;
using Portal.Domain.Regions;
using Portal.Domain.Sessions;
using Portal.Infra.Accounts;
using Portal.Infra.Audit;
using Portal.Infra.Aws;
using Portal.Infra.Budgets;
using Portal.Infra.Catalogue;
using Portal.Infra.Compute;
using Portal.Infra.Map;
using Portal.Infra.Notebooks;
using Portal.Infra.Orchestration;
using Portal.Infra.Persistence;
using Portal.Infra.Pricing;
using Portal.Infra.Quotas;
using Portal.Infra.Reaper;
using Portal.Infra.Regions;
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
        services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<SandboxOptions>, SandboxOptionsValidator>();
        services.AddOptions<ReaperOptions>().BindConfiguration(ReaperOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);

        // Also the first hosted service, the migrator: the database must exist before sessions are driven.
        services.AddPortalDatabase(configuration);

        // The regions next: seeded and loaded before anything plans, prices or reaps in them.
        AddRegions(services);

        // Next, the catalogue: loaded (or, in a new database, imported) before the portal serves a request.
        services.AddPortalCatalogue();
        AddBudgets(services, configuration);
        AddQuotas(services, configuration);
        AddAudit(services);

        AddDomain(services, configuration);
        AddCloud(services, configuration);
        services.AddPortalPricing(configuration, CloudProvider(configuration));

        services.AddSingleton<ISessionStore, EfSessionStore>();
        services.AddSingleton<ISessionLocalityStore, EfSessionLocalityStore>();
        services.AddSingleton<ISecurityStampStore, EfSecurityStampStore>();
        services.AddSingleton<ISignIns, EfSignIns>();
        services.AddSingleton<IApiTokens, ApiTokenService>();
        services.AddSingleton<SessionChangeNotifier>();
        services.AddSingleton<IChangeFeed<SessionChange>>(sp => sp.GetRequiredService<SessionChangeNotifier>());
        services.AddSingleton<PortalUrls>();
        services.AddSingleton<IPortalAddress>(sp => sp.GetRequiredService<PortalUrls>());
        services.AddSingleton<NotebookWriter>();
        services.AddSingleton<SessionCostTokens>();
        services.AddSingleton<IReapedResourceLog, ReapedResourceLog>();
        services.AddSingleton<SessionService>();
        services.AddSingleton<ISessionService>(sp => sp.GetRequiredService<SessionService>());
        services.AddSingleton<ISessionReports>(sp => sp.GetRequiredService<SessionService>());
        services.AddRegionFoundations();

        // The step engine: one handler per kind of step, one engine for all of them.
        services.AddSingleton<IStepHandler, StackStepHandler>();
        services.AddSingleton<IStepHandler, NotebookStepHandler>();
        services.AddSingleton<SessionWorkSignal>();
        services.AddScoped<SessionOrchestrator>();
        services.AddSingleton<SessionOrchestrationService>();
        services.AddHostedService(sp => sp.GetRequiredService<SessionOrchestrationService>());
        services.AddSingleton<OrphanReaper>();
        services.AddHostedService<ReaperService>();
        // Readiness (/healthz): the database answers, and it takes writes.
        services.AddHealthChecks()
            .AddDbContextCheck<PortalDbContext>("database")
            .AddCheck<DatabaseWriteCheck>(DatabaseWriteCheck.Name);

        // Decoded and projected once per process (at first use); every map render reuses the country paths.
        services.AddSingleton<IWorldMap>(_ => WorldMapGeometry.Load());
        return builder;
    }

    /// <summary>
    /// Regions: stored (seeded at start with <see cref="RegionCatalog.Default"/> where no region with the code is stored),
    /// read per call through <see cref="IRegionDirectory"/>, and changed by admins on the Regions page.
    /// </summary>
    private static void AddRegions(IServiceCollection services)
    {
        services.AddSingleton<IRegionStore, EfRegionStore>();
        services.AddSingleton<RegionDirectory>();
        services.AddSingleton<IRegionDirectory>(sp => sp.GetRequiredService<RegionDirectory>());
        services.AddSingleton<IChangeFeed<RegionCatalog>>(sp => sp.GetRequiredService<RegionDirectory>());
        services.AddHostedService<RegionStartup>();
        services.AddSingleton<IRegionAdministration, RegionAdministration>();
    }

    /// <summary>
    /// Budgets: the configured ones are checked now (a bad one stops startup naming its key) and written to the database
    /// at start when no budget with their id is stored (admins edit them on the Budgets page); launches and retries are checked against them; the enforcer notifies and stops sessions.
    /// </summary>
    private static void AddBudgets(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<BudgetOptions>().BindConfiguration(BudgetOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(BudgetSettings.Read(configuration));
        services.AddSingleton<IBudgetStore, EfBudgetStore>();
        services.AddHostedService<BudgetStartup>();
        services.AddSingleton<BudgetLedger>();
        services.AddSingleton<IBudgetReports>(sp => sp.GetRequiredService<BudgetLedger>());
        services.AddSingleton<IBudgetAdministration, BudgetAdministration>();
        services.AddSingleton<BudgetEnforcer>();
        services.AddHostedService<BudgetEnforcementService>();
    }

    /// <summary>
    /// Quotas: portal limits per scope (the configured ones checked now and written to the database at start) and the
    /// launch check against them and the cloud's service quotas (the source is the cloud provider's).
    /// </summary>
    private static void AddQuotas(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(PortalLimitSettings.Read(configuration));
        services.AddSingleton<IPortalLimitStore, EfPortalLimitStore>();
        services.AddHostedService<PortalLimitStartup>();
        services.AddSingleton<QuotaService>();
        services.AddSingleton<IQuotaService>(sp => sp.GetRequiredService<QuotaService>());
    }

    /// <summary>
    /// The append-only audit log. The use cases record through <see cref="AuditTrail"/>; the web host replaces the
    /// request origin with the HTTP request's or circuit's; without one, entries come from the portal itself.
    /// </summary>
    private static void AddAudit(IServiceCollection services)
    {
        services.AddSingleton<IAuditLog, EfAuditLog>();
        services.TryAddSingleton<IRequestOrigin, SystemRequestOrigin>();
        services.AddSingleton<AuditTrail>();
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
        services.AddSingleton(DatasetCatalog.Default);
        services.AddSingleton<LaunchPlanner>();
        services.AddSingleton<CostEstimator>();
        services.AddSingleton<SessionRequestValidator>();
        services.AddSingleton<DatasetAdvisor>();
        services.AddSingleton(sp => new DataVolumeEstimator(sp.GetRequiredService<DatasetCatalog>(), sp.GetRequiredService<Portal.Domain.Datasets.Stores.Cmip6StoreCatalogue>()));
        // The shipped CMIP6 store catalogue (3,502 stores, a few milliseconds to index), loaded once.
        services.AddSingleton(_ => new Portal.Domain.Datasets.Stores.Cmip6StoreCatalogue(Portal.Infra.Catalogue.ShippedStoreCatalogue.LoadIndex()));
    }

    private static string CloudProvider(IConfiguration configuration) =>
        configuration.GetSection(CloudOptions.SectionName).Get<CloudOptions>()?.Provider ?? CloudOptions.Sandbox;

    private static void AddCloud(IServiceCollection services, IConfiguration configuration)
    {
        var provider = CloudProvider(configuration);
        if (string.Equals(provider, CloudOptions.Sandbox, StringComparison.OrdinalIgnoreCase))
        {
            services.AddSingleton<SandboxCloud>();
            services.AddSingleton<IStackDeployer>(sp => sp.GetRequiredService<SandboxCloud>());
            services.AddSingleton<ISandboxNotebookViewer>(sp => sp.GetRequiredService<SandboxCloud>());
            services.AddSingleton<IDataRepositoryAssociations, SandboxDataRepositoryAssociations>();
            AddLocalCompute(services, configuration);
            services.AddSingleton<SandboxCompute>();
            services.AddSingleton<ISandboxCompute>(sp => sp.GetRequiredService<SandboxCompute>());
            services.AddHostedService(sp => sp.GetRequiredService<SandboxCompute>());
            services.AddSingleton(new CloudInfo(CloudOptions.Sandbox, IsSandbox: true));
            services.AddSingleton<ICloudAccount, SandboxCloudAccount>();
            services.AddSingleton<IServiceQuotaSource, SandboxServiceQuotaSource>();
            if (configuration[$"{OrchestrationOptions.SectionName}:{nameof(OrchestrationOptions.PollInterval)}"] is null)
            {
                // The sandbox answers in-process: looking four times a second costs nothing and keeps Launch to Ready
                // within a tenth of the longest step. Real AWS keeps the 1-second default.
                services.PostConfigure<OrchestrationOptions>(o => o.PollInterval = OrchestrationOptions.SandboxPollInterval);
            }
        }
        else if (string.Equals(provider, CloudOptions.Aws, StringComparison.OrdinalIgnoreCase))
        {
            services.AddAwsCloud(configuration);
            services.AddSingleton<IComputePlacement, CloudPlacement>();
        }
        else
        {
            throw new InvalidOperationException(
                $"Configuration 'Cloud:Provider' is '{provider}'; use '{CloudOptions.Sandbox}' or '{CloudOptions.Aws}'.");
        }
    }

    /// <summary>
    /// The sandbox's compute: with Debian's Dask stack (or <c>Sandbox:Compute=Local</c>) new sessions run real processes;
    /// without it they are simulated. The local step handler and the sweep are there either way, so sessions launched
    /// with real compute are still driven (and stopped) after a restart with another setting.
    /// </summary>
    private static void AddLocalCompute(IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(SandboxOptions.SectionName);
        var text = section[nameof(SandboxOptions.Compute)];
        var mode = SandboxComputeMode.Auto;
        if (!string.IsNullOrWhiteSpace(text) && !Enum.TryParse(text, ignoreCase: true, out mode))
        {
            throw new InvalidOperationException($"Configuration 'Sandbox:Compute' is '{text}'; use 'Auto', 'Local' or 'Simulated'.");
        }

        var python = section[nameof(SandboxOptions.Python)] is { Length: > 0 } configured ? configured : new SandboxOptions().Python;
        var stack = mode == SandboxComputeMode.Simulated ? null : PythonStack.Probe(python);
        if (mode == SandboxComputeMode.Local && stack is { IsComplete: false })
        {
            throw new InvalidOperationException(
                $"Sandbox:Compute is Local, but {python} lacks {string.Join(", ", stack.MissingPackages)}. Install them with: {stack.InstallCommand}");
        }

        var real = stack is { IsComplete: true } && OperatingSystem.IsLinux();
        services.AddSingleton<LocalComputePaths>();
        services.AddSingleton<LocalComputeProbe>();
        services.AddHttpClient(LocalComputeProbe.HttpClientName, http => http.Timeout = TimeSpan.FromSeconds(3));
        services.AddSingleton<IStepHandler, LocalComputeStepHandler>();
        services.AddSingleton<LocalComputeJanitor>();
        services.AddHostedService(sp => sp.GetRequiredService<LocalComputeJanitor>());
        services.AddSingleton<ILocalCompute>(sp => new LocalComputeStatus(real, stack, sp.GetRequiredService<LocalComputePaths>()));
        services.AddSingleton<LocalNotebookGate>();
        services.AddSingleton<INotebookService>(sp => sp.GetRequiredService<LocalNotebookGate>());
        services.AddSingleton<ILocalNotebookGate>(sp => sp.GetRequiredService<LocalNotebookGate>());
        services.AddSingleton<ISessionAnalysis, LocalAnalysisRunner>();
        if (real)
        {
            services.AddSingleton<IComputePlacement, LocalPlacement>();
        }
        else
        {
            services.AddSingleton<IComputePlacement, CloudPlacement>();
        }
    }
}
