using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Portal.E2E.Tests.Infrastructure;

/// <summary>
/// moto's standalone server (<c>moto_server</c>, moto 5) on a free loopback port: a local endpoint for every AWS service,
/// answering in one account (123456789012) with the region each request is signed for. Seeded with the AWS CLI.
/// Under CI=true a missing <c>moto_server</c> or <c>aws</c> fails the test; elsewhere the test is skipped with why.
/// </summary>
internal sealed class MotoServer : IAsyncDisposable
{
    /// <summary>moto's account id (moto/core/models.py DEFAULT_ACCOUNT_ID).</summary>
    public const string AccountId = "123456789012";

    private readonly Process _process;

    private MotoServer(Process process, Uri endpoint)
    {
        _process = process;
        Endpoint = endpoint;
    }

    public Uri Endpoint { get; }

    /// <summary>Credentials moto accepts (any); the AWS SDK and CLI need some to sign.</summary>
    public static IReadOnlyDictionary<string, string> Credentials { get; } = new Dictionary<string, string>
    {
        ["AWS_ACCESS_KEY_ID"] = "AKIAMOTOEXAMPLE00000",
        ["AWS_SECRET_ACCESS_KEY"] = "moto-secret-not-a-real-one",
        ["AWS_EC2_METADATA_DISABLED"] = "true",
    };

    public static async Task<MotoServer> StartAsync(CancellationToken cancellationToken)
    {
        var executable = Require("moto_server", "moto 5 (pip's moto[server]), which the machine image provides");
        Require("aws", "the AWS CLI");
        var port = FreePort();
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-H");
        start.ArgumentList.Add("127.0.0.1");
        start.ArgumentList.Add("-p");
        start.ArgumentList.Add(port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var process = Process.Start(start) ?? throw new InvalidOperationException("moto_server did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new MotoServer(process, new Uri($"http://127.0.0.1:{port}"));
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        for (var attempt = 0; attempt < 150; attempt++)
        {
            try
            {
                using var response = await http.GetAsync(new Uri(server.Endpoint, "/moto-api/"), cancellationToken);
                return server;
            }
            catch (HttpRequestException) when (!process.HasExited)
            {
                await Task.Delay(200, cancellationToken);
            }
        }

        await server.DisposeAsync();
        throw new InvalidOperationException($"moto_server did not answer on {server.Endpoint} within 30 s.");
    }

    /// <summary>Runs the AWS CLI against this server in <paramref name="region"/>; returns its output, or fails with it.</summary>
    public async Task<string> AwsAsync(string region, params string[] arguments)
    {
        var start = new ProcessStartInfo("aws")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.ArgumentList.Add("--region");
        start.ArgumentList.Add(region);
        start.ArgumentList.Add("--endpoint-url");
        start.ArgumentList.Add(Endpoint.ToString());
        foreach (var (key, value) in Credentials)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("aws did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"aws {string.Join(' ', arguments)} exited with {process.ExitCode}: {await error}");
        return await output;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static string Require(string program, string what)
    {
        var found = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, program))
            .FirstOrDefault(File.Exists);
        if (found is not null)
        {
            return found;
        }

        var message = $"{program} ({what}) is not on PATH: the AWS provider's admin pages are tested against it.";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail(message);
        }

        Assert.Skip(message);
        return program;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
