using System.Diagnostics;

namespace Portal.Infra.Tests.Notebooks;

/// <summary>Runs the machine's python3 (standard library only). Missing python3 skips, or fails when CI=true.</summary>
internal static class Python
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public static string RequireExecutable()
    {
        var executable = Find();
        if (executable is not null)
        {
            return executable;
        }

        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail("python3 is not on PATH, and CI=true: the notebook's Python must be checked in CI.");
        }

        Assert.Skip("python3 is not on PATH, so the notebook's Python is not checked here (CI=true makes this a failure).");
        return string.Empty;
    }

    /// <summary>Runs <paramref name="scriptPath"/>; returns standard output, or fails the test with standard error.</summary>
    public static async Task<string> RunAsync(string scriptPath, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(RequireExecutable())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])["-B", "-X", "utf8", scriptPath, .. arguments])
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("python3 did not start.");
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        Assert.True(process.ExitCode == 0, $"python3 exited with {process.ExitCode}:\n{await error}");
        return await output;
    }

    private static string? Find()
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(dir => new[] { Path.Combine(dir, "python3"), Path.Combine(dir, "python3.exe") })
            .FirstOrDefault(File.Exists);
    }
}
