using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using MudBlazor.Services;
using Portal.Infra.Map;
using Portal.Infra.Persistence;
using Portal.Web.Api;
using Portal.Web.Auth;
using Portal.Web.Components;
using Portal.Web.Hosting;
using Portal.Web.Sandbox;

namespace Portal.Web;

/// <summary>Registers and wires the web front end: components, sign-in, health, endpoints.</summary>
public static class WebServiceCollectionExtensions
{
    public static IHostApplicationBuilder AddPortalWeb(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.SectionName);
        var auth = builder.Configuration.GetSection(AuthOptions.SectionName).Get<AuthOptions>() ?? new AuthOptions();
        if (!auth.IsLocal)
        {
            throw new InvalidOperationException(
                $"Configuration 'Auth:Mode' is '{auth.Mode}'; this build supports '{AuthOptions.LocalMode}' (Entra sign-in arrives with its own issue).");
        }

        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
        // Decoded and projected once per process; every map render reuses the country paths.
        services.AddSingleton(_ => WorldMapGeometry.Load());
        services.AddCascadingAuthenticationState();
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(options =>
            {
                options.LoginPath = "/signin";
                options.LogoutPath = "/signout";
                options.AccessDeniedPath = "/signin";
                options.Cookie.Name = "portal.auth";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.ExpireTimeSpan = TimeSpan.FromHours(12);
                options.SlidingExpiration = true;
            });

        // Secure by default: every endpoint needs a signed-in user unless it says [AllowAnonymous].
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());

        services.AddHealthChecks().AddDbContextCheck<PortalDbContext>("database");

        // Lifecycle services: the loopback guard must run before the announcer says "open it".
        services.AddHostedService<LoopbackGuard>();
        services.AddHostedService<StartupAnnouncer>();
        return builder;
    }

    public static WebApplication UsePortalWeb(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
            app.UseHsts();
        }

        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapStaticAssets().AllowAnonymous();
        app.MapHealthChecks("/healthz").AllowAnonymous();
        app.MapAccountEndpoints();
        app.MapSandboxEndpoints();
        app.MapSessionApi();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
