using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Portal.Domain.Costs;
using Portal.Infra.Persistence;

namespace Portal.Infra.Pricing;

internal static class PricingServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IPriceSource"/> and <see cref="IPriceBookStatusSource"/> over the stored price books, with the
    /// <see cref="PricingOptions"/> of section <c>Pricing</c> validated at start; with live prices also the Price List
    /// reader and the background refresher (which need the AWS provider's clients).
    /// </summary>
    public static IServiceCollection AddPortalPricing(this IServiceCollection services, IConfiguration configuration, string cloudProvider)
    {
        // Checked while the app is composed too: the choice of services depends on it.
        var configured = configuration.GetSection(PricingOptions.SectionName).Get<PricingOptions>() ?? new PricingOptions();
        var check = new DataAnnotationValidateOptions<PricingOptions>(Options.DefaultName).Validate(Options.DefaultName, configured);
        if (check.Failed)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(PricingOptions), check.Failures);
        }

        var usesApi = configured.UsesApi(cloudProvider);
        if (usesApi && !string.Equals(cloudProvider, CloudOptions.Aws, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException(
                $"Pricing:Source is '{PricingOptions.Api}', which needs Cloud:Provider={CloudOptions.Aws} (the sandbox has no AWS account to ask); use Pricing:Source={PricingOptions.Bundled}.");
        }

        services.AddOptions<PricingOptions>()
            .Bind(configuration.GetSection(PricingOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton(new PricingMode(usesApi));
        services.AddSingleton<EfPriceBookStore>();
        services.AddSingleton<CurrentPriceSource>();
        services.AddSingleton<IPriceSource>(sp => sp.GetRequiredService<CurrentPriceSource>());
        services.AddSingleton<IPriceBookStatusSource>(sp => sp.GetRequiredService<CurrentPriceSource>());
        if (usesApi)
        {
            services.AddSingleton<PriceListReader>();
            services.AddSingleton<PriceBookRefresher>();
            services.AddHostedService(sp => sp.GetRequiredService<PriceBookRefresher>());
        }

        return services;
    }
}
