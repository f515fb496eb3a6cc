using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Web;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Portal.Web.Auth;

/// <summary>Sign-in (Local or Entra), the session cookie, and the policy every endpoint falls back to.</summary>
internal static class PortalAuthentication
{
    public const string CookieName = "portal.auth";
    public const string NoRolePath = "/account/no-role";
    public const string PortalScheme = "Portal";
    public const string PortalChallengeScheme = "PortalChallenge";
    private const string OpenIdConnectLogCategory = "Microsoft.AspNetCore.Authentication.OpenIdConnect";

    public static IHostApplicationBuilder AddPortalAuthentication(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.SectionName);
        var auth = builder.Configuration.GetSection(AuthOptions.SectionName).Get<AuthOptions>() ?? new AuthOptions();
        if (auth.IsLocal)
        {
            services.AddAuthentication(options =>
                {
                    options.DefaultScheme = PortalScheme;
                    options.DefaultChallengeScheme = PortalChallengeScheme;
                })
                .AddCookie(options => ConfigureCookie(options, accessDeniedPath: NoRolePath))
                .AddApiSchemes(entra: false);
        }
        else if (auth.IsEntra)
        {
            AddEntra(builder);
        }
        else
        {
            throw new InvalidOperationException(
                $"Configuration 'Auth:Mode' is '{auth.Mode}'; use '{AuthOptions.LocalMode}' or '{AuthOptions.EntraMode}'.");
        }

        services.AddCascadingAuthenticationState();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<SecurityStamps>();
        services.AddScoped<AuthenticationStateProvider, RevalidatingPortalAuthenticationStateProvider>();

        // Secure by default: every endpoint needs a signed-in user with a Portal app role unless it says [AllowAnonymous].
        // Local users always hold Portal.User; Entra users hold what the app registration assigned them. The default
        // policy ([Authorize], RequireAuthorization()) is the same one: "signed in" alone is not enough anywhere.
        var portalUser = new AuthorizationPolicyBuilder()
            .RequireAuthenticatedUser()
            .RequireRole(PortalRoles.User, PortalRoles.Admin)
            .Build();
        services.AddAuthorizationBuilder()
            .SetDefaultPolicy(portalUser)
            .SetFallbackPolicy(portalUser)
            .AddApiPolicies();

        // Local sign-in lets anyone be anyone: it refuses addresses beyond loopback (a no-op in Entra mode),
        // and host names beyond loopback's (DNS rebinding).
        services.AddHostedService<LoopbackGuard>();
        if (auth.IsLocal && !auth.AllowNonLoopback)
        {
            services.PostConfigure<HostFilteringOptions>(LoopbackHosts.Restrict);
        }

        return builder;
    }

    private static void AddEntra(IHostApplicationBuilder builder)
    {
        var services = builder.Services;

        // The OpenID Connect handler logs every message it receives at Trace, the authorization code included:
        // a configuration that turns Microsoft.AspNetCore up to Trace must still not write codes to the log.
        builder.Logging.AddFilter(OpenIdConnectLogCategory, LogLevel.Debug);

        // Checked while the app is composed, before anything starts, so a missing key stops the portal with its name
        // every time (and again on start, for configuration that changes in between).
        var entra = builder.Configuration.GetSection(EntraOptions.SectionName).Get<EntraOptions>() ?? new EntraOptions();
        var check = new EntraOptionsValidator().Validate(Options.DefaultName, entra);
        if (check.Failed)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(EntraOptions), check.Failures);
        }

        services.AddOptions<EntraOptions>()
            .BindConfiguration(EntraOptions.SectionName)
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<EntraOptions>, EntraOptionsValidator>();

        // Registered before Microsoft.Identity.Web binds the section, so configuration still wins.
        services.Configure<MicrosoftIdentityOptions>(
            OpenIdConnectDefaults.AuthenticationScheme, options => options.Instance = EntraOptions.DefaultInstance);

        var authentication = services.AddAuthentication(options =>
            {
                options.DefaultScheme = PortalScheme;
                options.DefaultChallengeScheme = PortalChallengeScheme;
            });
        authentication.AddMicrosoftIdentityWebApp(
                builder.Configuration.GetSection(EntraOptions.SectionName),
                OpenIdConnectDefaults.AuthenticationScheme,
                CookieAuthenticationDefaults.AuthenticationScheme);

        // Programs call the API with Entra access tokens for the same app registration (audience AzureAd:Audience,
        // else the client id), or with personal API tokens.
        authentication.AddMicrosoftIdentityWebApi(builder.Configuration.GetSection(EntraOptions.SectionName), JwtBearerDefaults.AuthenticationScheme);
        authentication.AddApiSchemes(entra: true);
        services.Configure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, options =>
        {
            // Claims as Entra names them, so that roles, tid, oid and groups read as they do after a sign-in.
            options.MapInboundClaims = false;
            options.TokenValidationParameters.NameClaimType = EntraSignInEvents.NameClaimType;
            options.TokenValidationParameters.RoleClaimType = "roles";

            // An access token states the caller's roles and groups as Entra sees them now: the latest sign-in.
            var tokenValidated = options.Events.OnTokenValidated;
            options.Events.OnTokenValidated = async context =>
            {
                await tokenValidated(context);
                if (context.Result is null && context.Principal is { } principal)
                {
                    await SignInRecording.RecordAsync(context.HttpContext, principal, onlyWhenChanged: true);
                }
            };
        });

        services.Configure<CookieAuthenticationOptions>(
            CookieAuthenticationDefaults.AuthenticationScheme, options => ConfigureCookie(options, accessDeniedPath: NoRolePath));

        // Runs after Microsoft.Identity.Web's own configuration of the handler (registration order).
        services.Configure<OpenIdConnectOptions>(OpenIdConnectDefaults.AuthenticationScheme, options =>
        {
            // Authorization code flow with PKCE; the client secret redeems the code on the back channel,
            // so the app registration needs no implicit-grant ID tokens.
            options.ResponseType = OpenIdConnectResponseType.Code;
            options.ResponseMode = OpenIdConnectResponseMode.FormPost;
            options.UsePkce = true;
            options.SaveTokens = false;

            // The handler maps the token's "roles" claim (the app roles) to ClaimTypes.Role, so IsInRole("Portal.Admin")
            // works as in Local mode; the user name is the account's preferred_username (unique in the tenant).
            options.TokenValidationParameters.NameClaimType = EntraSignInEvents.NameClaimType;
            options.TokenValidationParameters.RoleClaimType = ClaimTypes.Role;

            EntraSignInEvents.Attach(options.Events);
        });
    }

    /// <summary>
    /// The default scheme: a personal API token or an Entra access token on an API call, else the session cookie.
    /// Challenges go to the token's scheme, or (without one) to the cookie in Local mode and to Entra in Entra mode.
    /// </summary>
    private static AuthenticationBuilder AddApiSchemes(this AuthenticationBuilder authentication, bool entra)
    {
        var signIn = entra ? OpenIdConnectDefaults.AuthenticationScheme : CookieAuthenticationDefaults.AuthenticationScheme;
        return authentication
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(ApiTokenAuthenticationHandler.SchemeName, null)
            .AddPolicyScheme(PortalScheme, null, options =>
                options.ForwardDefaultSelector = context => ApiBearer.SchemeFor(context.Request, entra) ?? CookieAuthenticationDefaults.AuthenticationScheme)
            .AddPolicyScheme(PortalChallengeScheme, null, options =>
                options.ForwardDefaultSelector = context => ApiBearer.SchemeFor(context.Request, entra) ?? signIn);
    }

    private static void ConfigureCookie(CookieAuthenticationOptions options, string accessDeniedPath)
    {
        options.LoginPath = "/signin";
        options.LogoutPath = "/signout";
        options.AccessDeniedPath = accessDeniedPath;
        options.Cookie.Name = CookieName;
        options.Cookie.HttpOnly = true;
        options.Cookie.SameSite = SameSiteMode.Lax;
        options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        options.ExpireTimeSpan = TimeSpan.FromHours(12);
        options.SlidingExpiration = true;
        var redirectToLogin = options.Events.OnRedirectToLogin;
        var redirectToAccessDenied = options.Events.OnRedirectToAccessDenied;
        options.Events.OnRedirectToLogin = context => ApiRequests.IsApi(context.Request)
            ? WriteStatus(context.Response, StatusCodes.Status401Unauthorized)
            : redirectToLogin(context);
        options.Events.OnRedirectToAccessDenied = context => ApiRequests.IsApi(context.Request)
            ? WriteStatus(context.Response, StatusCodes.Status403Forbidden)
            : redirectToAccessDenied(context);
        SessionCookieEvents.Attach(options);
    }

    private static Task WriteStatus(HttpResponse response, int statusCode)
    {
        response.StatusCode = statusCode;
        return Task.CompletedTask;
    }
}
