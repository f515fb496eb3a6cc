using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using Portal.Web.Diagnostics;

namespace Portal.LoadTests.Driver;

/// <summary>
/// The built portal (Portal.Web.dll beside the driver) as its own process on a free loopback port, sandbox cloud and
/// SQLite in a fresh folder, with <c>LoadDiagnostics:Enabled</c> so the driver reads its memory from the server itself.
/// </summary>
internal sealed class PortalServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _dataDirectory;
    private readonly HttpClient _client;
    private readonly Queue<string> _output = new();

    private PortalServer(Process process, string dataDirectory, Uri baseAddress)
    {
        _process = process;
        _dataDirectory = dataDirectory;
        BaseAddress = baseAddress;
        _client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromMinutes(2) };
    }

    public Uri BaseAddress { get; }

    /// <summary>The portal process's id, for tools that attach to it (dotnet-gcdump, dotnet-counters).</summary>
    public int ProcessId => _process.Id;

    /// <summary>The settings every load run uses; <paramref name="settings"/> may add to them or change them.</summary>
    public static async Task<PortalServer> StartAsync(IReadOnlyDictionary<string, string> settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var port = FreePort();
        var dataDirectory = Path.Combine(Path.GetTempPath(), "portal-load-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(dataDirectory);
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Portal.Web.dll"));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        var environment = new Dictionary<string, string>
        {
            ["Storage__DataDirectory"] = dataDirectory,
            ["Sandbox__Compute"] = "Simulated",
            ["LoadDiagnostics__Enabled"] = "true",
            // Every simulated user signs in from 127.0.0.1: the per-address sign-in limit would refuse all but ten a minute.
            ["Security__SignInsPerMinute"] = "10000",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        foreach (var (key, value) in settings)
        {
            environment[key] = value;
        }

        // PORTAL_LOAD_SERVER_ENV="DOTNET_gcServer=0;DOTNET_GCConserveMemory=5": runtime settings for the portal only (the
        // driver keeps its own), to compare garbage collector configurations on the same code.
        foreach (var pair in (Environment.GetEnvironmentVariable("PORTAL_LOAD_SERVER_ENV") ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new InvalidOperationException($"PORTAL_LOAD_SERVER_ENV: '{pair}' is not NAME=value.");
            }

            environment[pair[..equals]] = pair[(equals + 1)..];
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("The portal process did not start.");
        var server = new PortalServer(process, dataDirectory, new Uri($"http://127.0.0.1:{port}/"));
        process.OutputDataReceived += (_, e) => server.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => server.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await server.WaitUntilHealthyAsync(cancellationToken);
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }

        return server;
    }

    /// <summary>The server's figures now; with <paramref name="collect"/>, after a full compacting collection (the live heap).</summary>
    public async Task<LoadSample> SampleAsync(bool collect, CancellationToken cancellationToken) =>
        await _client.GetFromJsonAsync<LoadSample>(new Uri($"/_diagnostics/load?collect={(collect ? "true" : "false")}", UriKind.Relative), cancellationToken)
        ?? throw new InvalidOperationException("The portal's diagnostics answered nothing.");

    /// <summary>Waits until the server holds at most <paramref name="circuits"/> circuits (closed ones leave after the retention period).</summary>
    public Task<LoadSample> WaitForCircuitsAsync(int circuits, TimeSpan timeout, CancellationToken cancellationToken) =>
        WaitForAsync(s => s.OpenCircuits <= circuits, timeout, cancellationToken);

    /// <summary>Reads the server once a second until <paramref name="condition"/> holds or the time is up; returns the last reading.</summary>
    public async Task<LoadSample> WaitForAsync(Func<LoadSample, bool> condition, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            var sample = await SampleAsync(collect: false, cancellationToken);
            if (condition(sample) || watch.Elapsed > timeout)
            {
                return sample;
            }

            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
        }
    }

    public string RecentOutput()
    {
        lock (_output)
        {
            return string.Join(Environment.NewLine, _output);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held as the process ends: the temp folder is cleaned by the system.
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task WaitUntilHealthyAsync(CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromSeconds(90))
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The portal exited with code {_process.ExitCode}:{Environment.NewLine}{RecentOutput()}");
            }

            try
            {
                using var response = await _client.GetAsync(new Uri("/healthz", UriKind.Relative), cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken);
        }

        throw new TimeoutException($"The portal did not answer /healthz within 90 s:{Environment.NewLine}{RecentOutput()}");
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.Enqueue(line);
            while (_output.Count > 50)
            {
                _output.Dequeue();
            }
        }
    }
}
