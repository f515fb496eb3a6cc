using System.Diagnostics;

namespace Portal.Web.Tests.Support;

/// <summary>
/// The built portal (Portal.Web.dll beside the tests) run as its own process, as <c>dotnet run</c> or the container
/// runs it, over a fresh data folder; for what only a real process shows: its exit code, standard output and error.
/// </summary>
public static class PortalProcess
{
    /// <summary>What a portal process left behind when it ended.</summary>
    public sealed record Ended(int Code, string StandardOutput, string StandardError);

    /// <summary>
    /// Starts the portal with <paramref name="environment"/> (on top of a fresh <c>Storage__DataDirectory</c> and
    /// simulated compute) and waits for it to end by itself; a portal still running after a minute is killed and fails the test.
    /// </summary>
    public static async Task<Ended> RunUntilExitAsync(IReadOnlyDictionary<string, string> environment, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(arguments);
        var dataDirectory = Path.Combine(Path.GetTempPath(), "portal-web-" + Guid.NewGuid().ToString("N")[..12]);
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Portal.Web.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["Storage__DataDirectory"] = dataDirectory;
        start.Environment["Sandbox__Compute"] = "Simulated";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var portal = Process.Start(start)!;
        var stdout = portal.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = portal.StandardError.ReadToEndAsync(cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        try
        {
            await portal.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            portal.Kill(entireProcessTree: true);
            throw;
        }
        finally
        {
            if (Directory.Exists(dataDirectory))
            {
                Directory.Delete(dataDirectory, recursive: true);
            }
        }

        return new Ended(portal.ExitCode, await stdout, await stderr);
    }
}
