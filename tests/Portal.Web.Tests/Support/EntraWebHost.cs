using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Portal.Web.Tests.Support;

/// <summary>
/// The whole portal (Program.cs) in <c>Auth:Mode=Entra</c> against a <see cref="FakeOpenIdProvider"/>, over a fresh data
/// folder, for HTTP-level tests. Its client speaks https://localhost, as the portal sees requests behind the load balancer.
/// </summary>
public sealed class EntraWebHost : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;
    private readonly string _issuer;
    private readonly bool _testOverrides;

    /// <param name="provider">The provider the portal signs in with.</param>
    /// <param name="overrides">Settings on top of the provider's; a null value removes the key.</param>
    /// <param name="testOverrides">
    /// Test only, never in production code: let the portal read the provider's metadata over plain http on loopback, and
    /// accept its issuer without Microsoft.Identity.Web's Entra issuer check (which fetches Entra's metadata over https).
    /// </param>
    public EntraWebHost(FakeOpenIdProvider provider, IDictionary<string, string?>? overrides = null, bool testOverrides = true)
    {
        ArgumentNullException.ThrowIfNull(provider);
        DataDirectory = Path.Combine(Path.GetTempPath(), "portal-web-" + Guid.NewGuid().ToString("N")[..12]);
        _settings = provider.PortalSettings();
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }

        _settings["Storage:DataDirectory"] = DataDirectory;
        _settings.TryAdd("Sandbox:Compute", "Simulated");
        // The registry import costs half a second per host; these tests are about signing in.
        _settings.TryAdd("Catalogue:ImportAtStart", "false");
        _issuer = provider.Issuer;
        _testOverrides = testOverrides;
        ClientOptions.BaseAddress = new Uri("https://localhost");
        ClientOptions.AllowAutoRedirect = false;
    }

    public string DataDirectory { get; }

    /// <summary>Every log line the portal writes at the levels its configuration lets through.</summary>
    public CapturingLoggerProvider Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _settings.Where(s => s.Value is not null))
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.AddProvider(Logs));

        if (_testOverrides)
        {
            builder.ConfigureTestServices(services =>
            {
                services.Configure<OpenIdConnectOptions>(
                    OpenIdConnectDefaults.AuthenticationScheme,
                    options =>
                    {
                        options.RequireHttpsMetadata = false;
                        options.TokenValidationParameters.ValidIssuer = _issuer;
                    });

                // The API's Entra access tokens come from the same provider.
                services.Configure<JwtBearerOptions>(
                    JwtBearerDefaults.AuthenticationScheme,
                    options =>
                    {
                        options.RequireHttpsMetadata = false;
                        options.TokenValidationParameters.ValidIssuer = _issuer;
                    });
            });
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Directory.Exists(DataDirectory))
        {
            Directory.Delete(DataDirectory, recursive: true);
        }

        GC.SuppressFinalize(this);
    }
}
