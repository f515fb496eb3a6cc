using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Portal.Domain;
using Portal.Domain.Cloud;
using Portal.Domain.Regions;
using Portal.Domain.Sessions;

namespace Portal.Infra.Regions;

/// <summary>Registers the foundations of worker regions: options, planner, notifier, service.</summary>
internal static class RegionsServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="RegionFoundationService"/> and what it needs, with <see cref="FoundationOptions"/> (section
    /// <c>Foundation</c>) validated at start. Needs the domain catalogues, <see cref="IStackDeployer"/>,
    /// <see cref="ISessionStore"/> and <see cref="CloudInfo"/> from the rest of the infrastructure.
    /// </summary>
    public static IServiceCollection AddRegionFoundations(this IServiceCollection services)
    {
        services.AddOptions<FoundationOptions>()
            .BindConfiguration(FoundationOptions.SectionName)
            .PostConfigure<CloudInfo>((options, cloud) =>
            {
                // The sandbox answers for any ids; real AWS needs HomeFoundation's, so there is nothing to default to.
                options.RequireForSessions ??= !cloud.IsSandbox;
                if (cloud.IsSandbox)
                {
                    options.HomeTransitGatewayId = Or(options.HomeTransitGatewayId, FoundationOptions.SandboxTransitGatewayId);
                    options.HomeHostedZoneId = Or(options.HomeHostedZoneId, FoundationOptions.SandboxHostedZoneId);
                }
            })
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<FoundationOptions>, FoundationOptionsValidator>();
        services.AddSingleton<RegionFoundationPlanner>();
        services.AddSingleton<FoundationChangeNotifier>();
        services.AddSingleton<IChangeFeed<RegionCode>>(sp => sp.GetRequiredService<FoundationChangeNotifier>());
        services.AddSingleton<IRegionFoundations, RegionFoundationService>();
        services.AddSingleton<FoundationReadiness>();
        return services;
    }

    private static string Or(string? value, string fallback) => string.IsNullOrWhiteSpace(value) ? fallback : value;
}
