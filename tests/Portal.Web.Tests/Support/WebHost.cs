using Microsoft.AspNetCore.Hosting;
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
        _settings = new Dictionary<string, string?> { ["Storage:DataDirectory"] = DataDirectory };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }
    }

    public string DataDirectory { get; }

    /// <summary>Every log line the portal writes at the levels its configuration lets through.</summary>
    public CapturingLoggerProvider Logs { get; } = new();

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
