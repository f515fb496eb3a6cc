using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Portal.Cli.Tests.Infrastructure;

/// <summary>
/// The real portal (Program.cs, sandbox cloud, local sign-in, SQLite in a temporary folder) on Kestrel at a free
/// loopback port, with short sandbox durations so a launch is Ready in seconds. Adapted from the browser tests' PortalHost.
/// </summary>
public sealed class CliPortalHost : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;

    public CliPortalHost(IDictionary<string, string?>? settings = null)
    {
        DataDirectory = Path.Combine(Path.GetTempPath(), "portal-cli-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(DataDirectory);
        _settings = new Dictionary<string, string?>
        {
            ["Storage:DataDirectory"] = DataDirectory,
            ["Auth:Mode"] = "Local",
            ["Cloud:Provider"] = "Sandbox",
            ["Sandbox:Compute"] = "Simulated",
            ["Sandbox:StackCreateDuration"] = "00:00:01",
            ["Sandbox:StackDeleteDuration"] = "00:00:01",
            ["Sandbox:NotebookCreateDuration"] = "00:00:01",
            ["Sandbox:NotebookStopDuration"] = "00:00:01",
            ["Orchestration:PollInterval"] = "00:00:00.250",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }

        UseKestrel(0);
    }

    public string DataDirectory { get; }

    public Uri BaseAddress { get; private set; } = null!;

    public CliPortalHost Start()
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

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file the portal still held: the temporary folder is cleaned up by the system.
        }
    }
}
