using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace Portal.Benchmarks.Catalogue;

/// <summary>What pandas answered for one query, and how long it took (timed inside Python).</summary>
internal sealed record PandasAnswer(double Milliseconds, int Matches, IReadOnlyDictionary<string, Dictionary<string, int>> Counts, int Shown);

/// <summary>The pandas run as a whole.</summary>
internal sealed record PandasResult(string Versions, double LoadSeconds, long MemoryBytes, IReadOnlyList<PandasAnswer> Answers);

/// <summary>Runs <c>pandas_queries.py</c> (beside the benchmark's binaries) with Debian's Python.</summary>
internal static class PandasRun
{
    public const string Python = "/usr/bin/python3";

    /// <summary>Null when <c>import pandas</c> works; otherwise what went wrong, for the report.</summary>
    public static async Task<string?> ProblemAsync(CancellationToken cancellationToken)
    {
        try
        {
            var (exit, _, error) = await RunAsync(["-c", "import pandas"], cancellationToken);
            return exit == 0 ? null : $"`{Python} -c \"import pandas\"` exited with {exit}: {error.Trim()}";
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return $"{Python} cannot be started: {e.Message}";
        }
    }

    public static async Task<PandasResult> RunAsync(string csv, IReadOnlyList<MixQuery> queries, int warmups, int passes, string folder, CancellationToken cancellationToken)
    {
        var queriesPath = Path.Combine(folder, "queries.json");
        await File.WriteAllTextAsync(queriesPath, JsonSerializer.Serialize(queries.Select(q => q.ToJson())), cancellationToken);
        var script = Path.Combine(AppContext.BaseDirectory, "Catalogue", "pandas_queries.py");
        var (exit, output, error) = await RunAsync([script, csv, queriesPath, warmups.ToString(CultureInfo.InvariantCulture), passes.ToString(CultureInfo.InvariantCulture)], cancellationToken);
        if (exit != 0)
        {
            throw new InvalidOperationException($"The pandas script exited with {exit}: {error}");
        }

        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        var answers = root.GetProperty("results").EnumerateArray().Select(r => new PandasAnswer(
            r.GetProperty("seconds").GetDouble() * 1000,
            r.GetProperty("matches").GetInt32(),
            r.GetProperty("counts").EnumerateObject().ToDictionary(
                facet => facet.Name,
                facet => facet.Value.EnumerateObject().ToDictionary(v => v.Name, v => v.Value.GetInt32(), StringComparer.Ordinal),
                StringComparer.Ordinal),
            r.GetProperty("shown").GetInt32())).ToList();
        var versions = $"pandas {root.GetProperty("pandas").GetString()}, numpy {root.GetProperty("numpy").GetString()}, Python {root.GetProperty("python").GetString()}";
        return new PandasResult(versions, root.GetProperty("load_seconds").GetDouble(), root.GetProperty("memory_bytes").GetInt64(), answers);
    }

    private static async Task<(int Exit, string Output, string Error)> RunAsync(IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(Python) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill();
            throw;
        }

        return (process.ExitCode, await output, await error);
    }
}
