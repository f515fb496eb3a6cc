using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;

namespace Portal.Web.Tests.Support;

/// <summary>The whole portal (Program.cs) over a fresh data folder, for HTTP-level tests.</summary>
public sealed class WebHost : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;

    public WebHost(IDictionary<string, string?>? settings = null)
    {
        DataDirectory = Path.Combine(Path.GetTempPath(), "portal-web-" + Guid.NewGuid().ToString("N")[..12]);
        // Simulated compute unless a test asks for real processes: these tests are about the web edge.
        _settings = new Dictionary<string, string?> { ["Storage:DataDirectory"] = DataDirectory, ["Sandbox:Compute"] = "Simulated", ["Catalogue:ImportAtStart"] = "false" };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }
    }

    public string DataDirectory { get; }

    /// <summary>Where the portal listens once <see cref="StartOnLoopback"/> ran.</summary>
    public Uri? Address { get; private set; }

    /// <summary>Every log line the portal writes at the levels its configuration lets through.</summary>
    public CapturingLoggerProvider Logs { get; } = new();

    /// <summary>Runs the portal on Kestrel at a free loopback port, for real sockets (WebSockets, browsers) instead of the test server.</summary>
    public Uri StartOnLoopback()
    {
        _settings["urls"] = "http://127.0.0.1:0";
        UseKestrel();
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        Address = new Uri(addresses.First());
        return Address;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
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
