using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Portal.Domain.Cloud;
using Portal.Domain.Sessions;
using Portal.Infra;
using Portal.Testing;

namespace Portal.Benchmarks;

/// <summary>
/// Issue 9: real compute on this machine. Per run: Launch to a usable notebook (every step ready: scheduler answering,
/// both worker groups joined, Jupyter answering), the notebook's run time (Run analysis), and the throughput of
/// pool-annotated work against the same work pinned to the same workers without annotation.
/// </summary>
internal static class RealComputeRun
{
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(5);

    /// <summary>Runs in the session's cluster: 16 tasks of 0.25 s on the us-east-1 pool's workers, pinned, then annotated.</summary>
    private const string ThroughputScript = """
        import json, sys, time
        from dask.distributed import Client
        from portal_dask import workers_in_pool

        def work(_):
            time.sleep(0.25)
            return 1

        client = Client(sys.argv[1], timeout="30s")
        workers = workers_in_pool(client, "us-east-1")
        def timed(**how):
            best = None
            for attempt in range(3):
                started = time.perf_counter()
                client.gather(client.map(work, range(16), pure=False, **how))
                elapsed = time.perf_counter() - started
                best = elapsed if best is None else min(best, elapsed)
            return best
        pinned = timed(workers=workers, allow_other_workers=False)
        annotated = timed(resources={"pool-us-east-1": 1})
        print(json.dumps({"workers": len(workers), "pinned": pinned, "annotated": annotated}))
        """;

    public static async Task<RealComputeResult> RunAsync(int run, CancellationToken cancellationToken)
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "portal-bench-real-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataDirectory);
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:DataDirectory"] = dataDirectory,
            ["Logging:LogLevel:Default"] = "Warning",
            ["Sandbox:Compute"] = "Local",
        });
        builder.AddPortalInfra();
        using var host = builder.Build();
        await host.StartAsync(cancellationToken);
        var sessions = host.Services.GetRequiredService<ISessionService>();
        var analysis = host.Services.GetRequiredService<ISessionAnalysis>();
        var actor = new Actor($"bench-real-{run}", isAdmin: false);
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bound.CancelAfter(Bound);
        SessionId? id = null;
        try
        {
            var launched = Stopwatch.GetTimestamp();
            id = (await sessions.LaunchAsync(actor, new LaunchCommand(SampleRequests.FirstRun), bound.Token)).SessionId
                 ?? throw new InvalidOperationException("The launch was refused.");
            var session = await WaitAsync(() => sessions.FindAsync(actor, id.Value, bound.Token), s => s?.State is SessionState.Ready or SessionState.Failed, bound.Token);
            var toReady = Stopwatch.GetElapsedTime(launched);
            if (session?.State != SessionState.Ready)
            {
                throw new InvalidOperationException($"The session did not become ready: {session?.FailureReason}");
            }

            var throughput = await ThroughputAsync(session.SchedulerAddress, bound.Token);

            var runStarted = Stopwatch.GetTimestamp();
            var start = await analysis.StartAsync(actor, id.Value, bound.Token);
            if (!start.Started)
            {
                throw new InvalidOperationException(start.Message);
            }

            var result = await WaitAsync(() => analysis.FindAsync(actor, id.Value, bound.Token), r => r is { Status: not AnalysisStatus.Running }, bound.Token);
            var notebookTime = Stopwatch.GetElapsedTime(runStarted);
            return new RealComputeResult(run, toReady, notebookTime, result?.Status == AnalysisStatus.Succeeded, throughput.Workers, throughput.Pinned, throughput.Annotated);
        }
        finally
        {
            if (id is { } stopId)
            {
                await sessions.StopAsync(actor, stopId, CancellationToken.None);
                await WaitAsync(() => sessions.FindAsync(actor, stopId, CancellationToken.None), s => s?.State == SessionState.Stopped, CancellationToken.None, TimeSpan.FromSeconds(60));
            }

            await host.StopAsync(CancellationToken.None);
            SqliteConnection.ClearAllPools();
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    private static async Task<(int Workers, double Pinned, double Annotated)> ThroughputAsync(string scheduler, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(ThroughputScript);
        start.ArgumentList.Add(scheduler);
        start.Environment["PYTHONPATH"] = Path.Combine(AppContext.BaseDirectory, "python");
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = await process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException("The throughput script failed: " + errors);
        }

        using var json = JsonDocument.Parse(output.Trim().Split('\n')[^1]);
        var root = json.RootElement;
        return (root.GetProperty("workers").GetInt32(), root.GetProperty("pinned").GetDouble(), root.GetProperty("annotated").GetDouble());
    }

    private static async Task<T?> WaitAsync<T>(Func<Task<T?>> read, Func<T?, bool> done, CancellationToken cancellationToken, TimeSpan? limit = null)
    {
        var deadline = Stopwatch.GetTimestamp();
        T? value;
        do
        {
            value = await read();
            if (done(value))
            {
                return value;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
        }
        while (limit is null || Stopwatch.GetElapsedTime(deadline) < limit);

        return value;
    }

    public static string Report(IReadOnlyList<RealComputeResult> results, DateTimeOffset date)
    {
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.AppendLine(c, $"# Real compute in the sandbox ({date:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores)");
        text.AppendLine();
        text.AppendLine("The sample first run (ERA5 in us-east-1 and CMIP6 in us-west-2, 2 workers of 2 threads per pool) with real processes.");
        text.AppendLine();
        text.AppendLine("| run | Launch to usable notebook | notebook run (Run analysis) | succeeded | pool workers | 16 × 0.25 s pinned | annotated | throughput ratio |");
        text.AppendLine("|---|---|---|---|---|---|---|---|");
        foreach (var r in results)
        {
            text.AppendLine(c, $"| {r.Run} | {r.LaunchToReady.TotalSeconds:0.0} s | {r.NotebookRun.TotalSeconds:0.0} s | {(r.Succeeded ? "yes" : "no")} | {r.PoolWorkers} | {r.PinnedSeconds:0.00} s | {r.AnnotatedSeconds:0.00} s | {r.Ratio:0.00} |");
        }

        var worstReady = results.Max(r => r.LaunchToReady);
        var worstRatio = results.Min(r => r.Ratio);
        text.AppendLine();
        text.AppendLine(c, $"- Launch to a usable notebook, slowest run: {worstReady.TotalSeconds:0.0} s (goal: under 20 s): {(worstReady < TimeSpan.FromSeconds(20) ? "met" : "not met")}.");
        text.AppendLine(c, $"- Throughput of annotated work against the same work pinned to the same workers (pinned time ÷ annotated time), lowest: {worstRatio:0.00} (goal: at least 0.9): {(worstRatio >= 0.9 ? "met" : "not met")}.");
        return text.ToString();
    }
}

internal sealed record RealComputeResult(int Run, TimeSpan LaunchToReady, TimeSpan NotebookRun, bool Succeeded, int PoolWorkers, double PinnedSeconds, double AnnotatedSeconds)
{
    public double Ratio => AnnotatedSeconds <= 0 ? 0 : PinnedSeconds / AnnotatedSeconds;
}
