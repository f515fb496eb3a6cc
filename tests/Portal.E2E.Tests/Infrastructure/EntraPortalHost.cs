using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Portal.E2E.Tests.Infrastructure;

/// <summary>
/// The real portal in <c>Auth:Mode=Entra</c> against a <see cref="FakeOpenIdProvider"/>: a <see cref="PortalHost"/>
/// with the provider's settings and the two test-only OpenID Connect overrides it needs.
/// </summary>
public sealed class EntraPortalHost(string dataDirectory, FakeOpenIdProvider provider)
    : PortalHost(dataDirectory, (provider ?? throw new ArgumentNullException(nameof(provider))).PortalSettings())
{
    private readonly string _issuer = provider.Issuer;

    public new EntraPortalHost Start()
    {
        base.Start();
        return this;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);

        // Test only, never in production code: the fake provider speaks plain http on loopback (Microsoft.Identity.Web
        // forces https metadata), and its issuer is accepted as is (Microsoft.Identity.Web's Entra issuer check fetches
        // Entra's own metadata over https).
        builder.ConfigureTestServices(services => services.Configure<OpenIdConnectOptions>(
            OpenIdConnectDefaults.AuthenticationScheme,
            options =>
            {
                options.RequireHttpsMetadata = false;
                options.TokenValidationParameters.ValidIssuer = _issuer;
            }));
    }
}
