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
        var python = DebianPython.Interpreter;
        var here = HereDirectory();
        var module = Path.GetFullPath(Path.Combine(here, "..", "..", "src", "Portal.Infra", "Notebooks", "python"));
        Assert.True(File.Exists(Path.Combine(module, "portal_dask", "client.py")), $"portal_dask's client is not at {module}");
        var scratch = Directory.CreateTempSubdirectory("portal-python-client-");
        try
        {
            var stack = await DebianPython.RunAsync(python, ["-c", "import distributed, pytest"], scratch.FullName, new Dictionary<string, string> { ["PYTHONPATH"] = module }, Timeout);
            Assert.True(stack.ExitCode == 0, DebianPython.MissingStack(python, "distributed and pytest", AptPackages, stack.Output));

            var tokens = _portal.Services.GetRequiredService<IApiTokens>();
            var write = await CreateTokenAsync(tokens, ApiTokenScope.ReadWrite);
            var read = await CreateTokenAsync(tokens, ApiTokenScope.Read);
            var environment = new Dictionary<string, string>
            {
                ["PYTHONPATH"] = module,
                ["PORTAL_URL"] = _portal.BaseAddress.ToString(),
                ["PORTAL_TOKEN"] = write,
                ["PORTAL_READ_TOKEN"] = read,
                // No user's `portal login` file may stand in for what the test sets.
                ["XDG_CONFIG_HOME"] = Path.Combine(scratch.FullName, "config"),
            };

            var run = await DebianPython.PytestAsync(python, Path.Combine(here, "python"), scratch.FullName, environment, Timeout);

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

    private static string HereDirectory([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
