using System.ComponentModel;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Accounts;
using Portal.Domain.Sessions;
using Portal.E2E.Tests.Infrastructure;

namespace Portal.E2E.Tests;

/// <summary>
/// portal_dask's Python client against the running portal with real compute: its pytest file in <c>python/</c> launches
/// a session with a personal API token, waits for Ready, runs a task on a connected <c>distributed.Client</c>, opens the
/// notebook URL, stops the session and checks the API's errors. It runs on Debian's Python stack (<c>/usr/bin/python3</c>,
/// or <c>PORTAL_PYTHON</c>); without it the test fails naming the packages. No browser is used: the test sits in the
/// browser collection only to run after, not beside, the other real-compute test on CI's two cores.
/// </summary>
[Collection(BrowserTests.Name)]
public sealed class PythonClientTests : IAsyncLifetime
{
    private const string AptPackages = "python3-distributed python3-pytest";
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);
    private static readonly Actor Ada = new("local:ada", "ada", false);
    private PortalHost _portal = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        _portal = new PortalHost(PortalHost.NewDataDirectory(), new Dictionary<string, string?> { ["Sandbox:Compute"] = "Local" }).Start();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await _portal.DisposeAsync();
        LocalProcesses.KillNaming(_portal.DataDirectory);
        Directory.Delete(_portal.DataDirectory, recursive: true);
    }

    [Fact]
    public async Task The_python_client_launches_uses_and_stops_a_session_and_reports_the_apis_errors()
    {
        var python = Environment.GetEnvironmentVariable("PORTAL_PYTHON") is { Length: > 0 } chosen ? chosen : "/usr/bin/python3";
        var here = HereDirectory();
        var module = Path.GetFullPath(Path.Combine(here, "..", "..", "src", "Portal.Infra", "Notebooks", "python"));
        Assert.True(File.Exists(Path.Combine(module, "portal_dask", "client.py")), $"portal_dask's client is not at {module}");
        var scratch = Directory.CreateTempSubdirectory("portal-python-client-");
        try
        {
            var stack = await RunAsync(python, ["-c", "import distributed, pytest"], scratch.FullName, module, new Dictionary<string, string>());
            Assert.True(stack.ExitCode == 0, MissingStack(python, stack.Output));

            var tokens = _portal.Services.GetRequiredService<IApiTokens>();
            var write = await CreateTokenAsync(tokens, ApiTokenScope.ReadWrite);
            var read = await CreateTokenAsync(tokens, ApiTokenScope.Read);
            var environment = new Dictionary<string, string>
            {
                ["PORTAL_URL"] = _portal.BaseAddress.ToString(),
                ["PORTAL_TOKEN"] = write,
                ["PORTAL_READ_TOKEN"] = read,
                // No user's `portal login` file may stand in for what the test sets.
                ["XDG_CONFIG_HOME"] = Path.Combine(scratch.FullName, "config"),
            };

            var run = await RunAsync(
                python,
                ["-B", "-X", "utf8", "-m", "pytest", "-q", "-p", "no:cacheprovider", "--basetemp", Path.Combine(scratch.FullName, "pytest"), Path.Combine(here, "python")],
                scratch.FullName,
                module,
                environment);

            Assert.True(run.ExitCode == 0, $"pytest exited with {run.ExitCode}:\n{run.Output}");
            Assert.DoesNotContain(write, run.Output, StringComparison.Ordinal);

            // What the portal itself holds: the one session the client launched is stopped and its processes are gone.
            var session = Assert.Single(await _portal.Services.GetRequiredService<ISessionService>().ListAsync(Ada, false, Ct));
            Assert.Equal(SessionState.Stopped, session.State);
            Assert.Equal("from python", session.Name);
            Assert.Empty(LocalProcesses.Naming(Path.Combine(_portal.DataDirectory, "compute", "sessions", session.Id.Value)));
        }
        finally
        {
            scratch.Delete(recursive: true);
        }
    }

    private static async Task<string> CreateTokenAsync(IApiTokens tokens, ApiTokenScope scope)
    {
        var result = await tokens.CreateAsync(Ada, $"python {scope}", scope, 1, Ct);
        return result.Created?.Secret ?? throw new InvalidOperationException(result.Problem);
    }

    private static string MissingStack(string python, string output)
    {
        var ci = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase)
            ? " CI=true: .ci/run installs them."
            : string.Empty;
        return $"{python} cannot import distributed and pytest, which the Python client's tests need. "
            + $"Install Debian's packages: sudo apt-get install {AptPackages} (or set PORTAL_PYTHON to an interpreter that has them).{ci}\n{output}";
    }

    /// <summary>Runs the interpreter to its end (or the timeout) and returns its exit code with stdout and stderr.</summary>
    private static async Task<(int ExitCode, string Output)> RunAsync(
        string python, IReadOnlyList<string> arguments, string workingDirectory, string module, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(python)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["PYTHONPATH"] = module;
        start.Environment["PYTHONDONTWRITEBYTECODE"] = "1";
        foreach (var name in new[] { "PORTAL_URL", "PORTAL_TOKEN", "PORTAL_READ_TOKEN" })
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"{python} did not start.");
        }
        catch (Win32Exception error)
        {
            return (-1, $"{python} could not start: {error.Message}");
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync(Ct);
            var error = process.StandardError.ReadToEndAsync(Ct);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
            timeout.CancelAfter(Timeout);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException) when (!Ct.IsCancellationRequested)
            {
                process.Kill(entireProcessTree: true);
                return (-1, $"{python} did not finish in {Timeout.TotalMinutes:0} minutes:\n{await output}{await error}");
            }

            return (process.ExitCode, $"{await output}{await error}");
        }
    }

    private static string HereDirectory([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
