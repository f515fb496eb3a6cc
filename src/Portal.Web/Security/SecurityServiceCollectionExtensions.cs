using Microsoft.AspNetCore.HostFiltering;
using Portal.Domain.Sessions;

namespace Portal.Web.Security;

/// <summary>The portal's defences beyond sign-in: circuit origins, rate limits, headers, HSTS, cookies.</summary>
internal static class SecurityServiceCollectionExtensions
{
    /// <summary>HSTS max-age: a year, above the 180 days (15,552,000 s) browsers' preload lists ask for.</summary>
    public static readonly TimeSpan HstsMaxAge = TimeSpan.FromDays(365);

    public static IServiceCollection AddPortalSecurity(this IServiceCollection services)
    {
        services.AddOptions<SecurityOptions>()
            .BindConfiguration(SecurityOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate(o => o.AllowedOrigins.All(origin => CircuitOriginGuard.NormalizeOrigin(origin) is not null), "Security:AllowedOrigins holds an entry that is not an origin: write each as scheme://host[:port], for example https://portal.example.org.")
            .ValidateOnStart();

        services.AddSignInRateLimit();
        services.AddSingleton<LaunchRateLimiter>();
        DecorateLaunches(services);

        services.AddHsts(options =>
        {
            options.MaxAge = HstsMaxAge;
            options.IncludeSubDomains = true;
        });

        // Secure over HTTPS (the default sends the antiforgery cookie without Secure); plain http stays usable on loopback.
        services.AddAntiforgery(options => options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);

        // A request without a Host (HTTP/1.0, or an empty header) has no origin to check and no URL to build pages from.
        services.Configure<HostFilteringOptions>(options => options.AllowEmptyHosts = false);
        return services;
    }

    /// <summary>Wraps the registered <see cref="ISessionService"/> (from Infra) in <see cref="RateLimitedSessionService"/>.</summary>
    private static void DecorateLaunches(IServiceCollection services)
    {
        var registered = services.LastOrDefault(d => d.ServiceType == typeof(ISessionService));
        if (registered is null)
        {
            return;
        }

        services.Remove(registered);
        services.Add(ServiceDescriptor.Describe(
            typeof(ISessionService),
            sp => new RateLimitedSessionService(Inner(sp, registered), sp.GetRequiredService<LaunchRateLimiter>()),
            registered.Lifetime));
    }

    private static ISessionService Inner(IServiceProvider services, ServiceDescriptor registered) =>
        (ISessionService)(registered.ImplementationInstance
                          ?? registered.ImplementationFactory?.Invoke(services)
                          ?? ActivatorUtilities.CreateInstance(services, registered.ImplementationType!));
}
