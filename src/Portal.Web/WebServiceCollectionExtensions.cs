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
        builder.AddPortalAuthentication();

        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddProblemDetails();
        services.AddMudServices();
        // Decoded and projected once per process; every map render reuses the country paths.
        services.AddSingleton(_ => WorldMapGeometry.Load());
        services.AddHealthChecks().AddDbContextCheck<PortalDbContext>("database");

        // Lifecycle services: the loopback guard (added with authentication) must run before the announcer says "open it".
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

        // Pages get the portal's "not found" page; API callers are programs and get problem details (JSON).
        app.UseWhen(
            context => !ApiRequests.IsApi(context.Request),
            pages => pages.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true));
        app.UseWhen(context => ApiRequests.IsApi(context.Request), api => api.UseStatusCodePages());
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
