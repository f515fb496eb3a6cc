using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Portal.Testing;

/// <summary>
/// The real portal (Program.cs, sandbox cloud, local sign-in, SQLite) on Kestrel at a free loopback port, with its data
/// in <see cref="DataDirectory"/> and short sandbox durations, so a launch is Ready in seconds. Two hosts over the same
/// folder are the same portal restarted. Shared, as a linked file, by the test projects that drive the portal from
/// outside (a browser, the CLI, the Python client).
/// </summary>
public class PortalHost : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;

    public PortalHost(string dataDirectory, IDictionary<string, string?>? settings = null)
    {
        DataDirectory = dataDirectory;
        _settings = new Dictionary<string, string?>
        {
            ["Storage:DataDirectory"] = dataDirectory,
            ["Sandbox:StackCreateDuration"] = "00:00:02",
            ["Sandbox:StackDeleteDuration"] = "00:00:01",
            ["Sandbox:NotebookCreateDuration"] = "00:00:01",
            ["Sandbox:NotebookStopDuration"] = "00:00:01",
            ["Orchestration:PollInterval"] = "00:00:00.250",
            // Warnings and errors only: CI prints the test run's output, and a failing test must stand out in it.
            ["Logging:LogLevel:Default"] = "Warning",
            // Simulated unless a test asks for real processes (Sandbox:Compute=Local).
            ["Sandbox:Compute"] = "Simulated",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }

        UseKestrel(0);
    }

    public string DataDirectory { get; }

    public Uri BaseAddress { get; private set; } = null!;

    public static string NewDataDirectory(string prefix = "portal-e2e-")
    {
        var path = Path.Combine(Path.GetTempPath(), prefix + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(path);
        return path;
    }

    public PortalHost Start()
    {
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseAddress = new Uri(addresses.First().Replace("[::1]", "127.0.0.1", StringComparison.Ordinal));
        return this;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment("Development");
        builder.UseUrls("http://127.0.0.1:0");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }
}
