using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Portal.E2E.Tests.Infrastructure;

/// <summary>
/// The real portal (Program.cs, sandbox cloud, SQLite) in <c>Auth:Mode=Entra</c> against a <see cref="FakeOpenIdProvider"/>,
/// on Kestrel at a free loopback port, with its data in <see cref="DataDirectory"/>.
/// </summary>
public sealed class EntraPortalHost : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;
    private readonly string _issuer;

    public EntraPortalHost(string dataDirectory, FakeOpenIdProvider provider)
    {
        ArgumentNullException.ThrowIfNull(provider);
        DataDirectory = dataDirectory;
        _settings = provider.PortalSettings();
        _settings["Storage:DataDirectory"] = dataDirectory;
        _issuer = provider.Issuer;
        UseKestrel(0);
    }

    public string DataDirectory { get; }

    public Uri BaseAddress { get; private set; } = null!;

    public EntraPortalHost Start()
    {
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseAddress = new Uri(addresses.First().Replace("[::1]", "127.0.0.1", StringComparison.Ordinal));
        return this;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseUrls("http://127.0.0.1:0");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

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
