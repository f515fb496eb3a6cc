using System.Diagnostics;
using System.Text.Json;

namespace Portal.Cli.Tests.Infrastructure;

/// <summary>
/// The built CLI run as a process (<c>dotnet Portal.Cli.dll …</c>, copied beside the tests), with a home and
/// configuration folder of its own and none of the caller's PORTAL_* variables, so each test starts signed out.
/// </summary>
public sealed class PortalCli : IDisposable
{
    private static readonly string Dll = Path.Combine(AppContext.BaseDirectory, "Portal.Cli.dll");

    public PortalCli()
    {
        Home = Path.Combine(Path.GetTempPath(), "portal-cli-home-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Home);
    }

    /// <summary>The process's HOME and XDG_CONFIG_HOME parent.</summary>
    public string Home { get; }

    public string ConfigFile => Path.Combine(Home, ".config", "portal", "config.json");

    /// <summary>Variables for every run (PORTAL_URL, PORTAL_TOKEN, BROWSER…); null removes one.</summary>
    public Dictionary<string, string?> Environment { get; } = [];

    public Task<CliResult> RunAsync(params string[] args) => RunWithInputAsync(string.Empty, args);

    /// <summary>Runs the CLI with <paramref name="input"/> piped to its standard input.</summary>
    public async Task<CliResult> RunWithInputAsync(string input, params string[] args)
    {
        using var process = Start(input, args);
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"'portal {string.Join(' ', args)}' did not end within 60 seconds. Output so far: {await output}{await error}");
        }

        return new CliResult(process.ExitCode, await output, await error);
    }

    /// <summary>
    /// Starts the CLI and leaves it running, its input closed and its output redirected (for tests that signal it). It
    /// starts through <c>env --default-signal=INT</c>: a test run started in the background by a shell without job
    /// control inherits SIGINT ignored, and .NET keeps an ignored SIGINT ignored, so Ctrl+C would never arrive.
    /// </summary>
    public Process Start(params string[] args) => Start(string.Empty, args, defaultInterrupt: true);

    private Process Start(string input, string[] args, bool defaultInterrupt = false)
    {
        Assert.True(File.Exists(Dll), $"The CLI was not built beside the tests: {Dll}");
        // The dotnet that runs the tests (dotnet test sets DOTNET_HOST_PATH), else the one on PATH.
        var dotnet = System.Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
        var start = new ProcessStartInfo(defaultInterrupt ? "/usr/bin/env" : dotnet)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        if (defaultInterrupt)
        {
            start.ArgumentList.Add("--default-signal=INT");
            start.ArgumentList.Add(dotnet);
        }

        start.ArgumentList.Add(Dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["HOME"] = Home;
        start.Environment["XDG_CONFIG_HOME"] = Path.Combine(Home, ".config");
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment.Remove("PORTAL_URL");
        start.Environment.Remove("PORTAL_TOKEN");
        start.Environment.Remove("BROWSER");
        foreach (var (key, value) in Environment)
        {
            if (value is null)
            {
                start.Environment.Remove(key);
            }
            else
            {
                start.Environment[key] = value;
            }
        }

        var process = Process.Start(start)!;
        process.StandardInput.Write(input);
        process.StandardInput.Close();
        return process;
    }

    /// <summary>Signs in as a test user would: PORTAL_URL and PORTAL_TOKEN for every run.</summary>
    public PortalCli SignedIn(Uri url, string token)
    {
        Environment["PORTAL_URL"] = url.ToString();
        Environment["PORTAL_TOKEN"] = token;
        return this;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Home, recursive: true);
        }
        catch (IOException)
        {
            // Left to the system's temporary-folder clean-up.
        }
    }
}

/// <summary>What a CLI run left behind: its exit code and both streams.</summary>
public sealed record CliResult(int ExitCode, string Output, string Error)
{
    public JsonElement Json() => JsonDocument.Parse(Output).RootElement.Clone();

    public JsonElement ErrorJson() => JsonDocument.Parse(Error).RootElement.Clone();

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Output}\n--- stderr\n{Error}";
}
