using System.ComponentModel;
using System.Diagnostics;

namespace Portal.Testing;

/// <summary>
/// Debian's Python stack (<c>/usr/bin/python3</c>, or <c>PORTAL_PYTHON</c>) run as a process by the tests that check
/// Python code with pytest (shared by the test projects as a linked file): a missing package fails the test and names
/// what to install; the run is bounded and gives back its exit code with stdout and stderr.
/// </summary>
internal static class DebianPython
{
    /// <summary>The interpreter the tests run: <c>PORTAL_PYTHON</c> when set, else Debian's.</summary>
    public static string Interpreter =>
        Environment.GetEnvironmentVariable("PORTAL_PYTHON") is { Length: > 0 } chosen ? chosen : "/usr/bin/python3";

    /// <summary>Why the interpreter cannot run the tests, saying what to install (and that CI installs it).</summary>
    public static string MissingStack(string python, string modules, string aptPackages, string output)
    {
        var ci = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase)
            ? " CI=true: .ci/run installs them."
            : string.Empty;
        return $"{python} cannot import {modules}, which these tests need. "
            + $"Install Debian's packages: sudo apt-get install {aptPackages} (or set PORTAL_PYTHON to an interpreter that has them).{ci}\n{output}";
    }

    /// <summary>pytest on <paramref name="tests"/>, quiet, no cache, its temporary folders under <paramref name="scratch"/>.</summary>
    public static Task<(int ExitCode, string Output)> PytestAsync(
        string python, string tests, string scratch, IReadOnlyDictionary<string, string> environment, TimeSpan timeout) =>
        RunAsync(python, ["-B", "-X", "utf8", "-m", "pytest", "-q", "-p", "no:cacheprovider", "--basetemp", Path.Combine(scratch, "pytest"), tests],
            scratch, environment, timeout);

    /// <summary>
    /// Runs the interpreter to its end (or <paramref name="timeout"/>, when it is killed) in <paramref name="workingDirectory"/>
    /// with <paramref name="environment"/> added; the portal's own variables of the machine are never passed on.
    /// </summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(
        string python, IReadOnlyList<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string> environment, TimeSpan timeout)
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

        start.Environment["PYTHONDONTWRITEBYTECODE"] = "1";
        start.Environment["MPLBACKEND"] = "Agg";
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

        var cancel = TestContext.Current.CancellationToken;
        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync(cancel);
            var error = process.StandardError.ReadToEndAsync(cancel);
            using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancel);
            bounded.CancelAfter(timeout);
            try
            {
                await process.WaitForExitAsync(bounded.Token);
            }
            catch (OperationCanceledException) when (!cancel.IsCancellationRequested)
            {
                process.Kill(entireProcessTree: true);
                return (-1, $"{python} did not finish in {timeout.TotalMinutes:0} minutes:\n{await output}{await error}");
            }

            return (process.ExitCode, $"{await output}{await error}");
        }
    }
}
