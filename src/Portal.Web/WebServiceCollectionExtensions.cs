using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using MudBlazor.Services;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Portal.Domain.Audit;
using Portal.Web.Api;
using Portal.Web.Audit;
using Portal.Web.Auth;
using Portal.Web.Components;
using Portal.Web.Diagnostics;
using Portal.Web.Hosting;
using Portal.Web.Sandbox;
using Portal.Web.Security;

namespace Portal.Web;

/// <summary>Registers and wires the web front end: components, sign-in, health, endpoints.</summary>
public static class WebServiceCollectionExtensions
{
    public static IHostApplicationBuilder AddPortalWeb(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        ListenUrls.Check(builder.Configuration);
        builder.AddPortalAuthentication();
        services.AddPortalSecurity();

        services.AddRazorComponents().AddInteractiveServerComponents();
        // Circuits:DisconnectedCircuitRetentionPeriod, Circuits:DisconnectedCircuitMaxRetained (appsettings.json): how long
        // and how many circuits of closed tabs stay in memory for a reconnection.
        services.AddOptions<Microsoft.AspNetCore.Components.Server.CircuitOptions>().BindConfiguration("Circuits");
        services.AddLoadDiagnostics();
        services.AddOptions<MemoryTrimOptions>().BindConfiguration(MemoryTrimOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<MemoryTrimService>();
        services.AddHostedService(provider => provider.GetRequiredService<MemoryTrimService>());
        services.AddProblemDetails();
        services.AddPortalApiDocument();
        services.AddMudServices();
        services.AddSingleton<Portal.Web.Components.Datasets.DatasetSearchCache>();

        // The audit log records where each action came from: the HTTP request, or the browser behind a circuit.
        services.AddHttpContextAccessor();
        services.Replace(ServiceDescriptor.Singleton<IRequestOrigin, WebRequestOrigin>());
        services.AddScoped<CircuitHandler, AuditCircuitHandler>();

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

        app.UseMiddleware<SecurityHeaders>();
        app.UseMiddleware<CircuitOriginGuard>();

        // Pages get the portal's "not found" page; API callers are programs and get problem details (JSON).
        // The re-execution is registered on the app itself, not inside UseWhen: a branch has no global route builder,
        // so its re-execution would not route /not-found and would answer an empty 404 (the browser's own page).
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.Use((context, next) =>
        {
            // Only page reads: an API answer is JSON, and a POST re-executed to /not-found would fail its antiforgery check.
            if ((ApiRequests.IsApi(context.Request) || !(HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)))
                && context.Features.Get<IStatusCodePagesFeature>() is { } statusPages)
            {
                statusPages.Enabled = false;
            }

            return next(context);
        });
        app.UseWhen(context => ApiRequests.IsApi(context.Request), api => api.UseStatusCodePages());
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseAntiforgery();

        app.MapStaticAssets().AllowAnonymous();
        app.MapHealthChecks("/healthz", new HealthCheckOptions { ResponseWriter = HealthResponse.WriteAsync }).AllowAnonymous();
        app.MapAccountEndpoints();
        app.MapSandboxEndpoints();
        app.MapSessionApi();
        app.MapPortalApiDocument();
        app.MapAuditEndpoints();
        app.MapLoadDiagnostics();
        // Blazor's own policy (frame-ancestors only) would be a second header: SecurityHeaders writes the whole policy.
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode(options => options.ContentSecurityFrameAncestorsPolicy = null);
        return app;
    }
}
