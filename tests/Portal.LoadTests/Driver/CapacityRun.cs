using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Portal.Web.Diagnostics;

namespace Portal.LoadTests.Driver;

/// <summary>
/// Issue 16's capacity run: a portal process on loopback, warmed up, then circuits opened level by level (each by its
/// own signed-in user), each circuit changing "Workers per region" at a steady pace while the level is measured; then
/// every circuit closed and the server read again once the retention period has passed.
/// </summary>
internal static class CapacityRun
{
    public static async Task<CapacityResult> RunAsync(CapacitySettings settings, Action<string> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(progress);
        var started = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        var machine = MachineInfo.Read();
        var loadAtStart = MachineInfo.LoadAverage();
        await using var server = await PortalServer.StartAsync(
            new Dictionary<string, string>
            {
                ["Circuits__DisconnectedCircuitRetentionPeriod"] = settings.RetentionPeriod.ToString("c", CultureInfo.InvariantCulture),
            },
            cancellationToken);
        var closeWait = settings.RetentionPeriod + TimeSpan.FromSeconds(30);

        progress($"Portal at {server.BaseAddress}; warming up with {settings.WarmUpCircuits} circuits.");
        var warmUpFailures = new ConcurrentBag<string>();
        var warmUp = await OpenAsync(server.BaseAddress, 0, settings.WarmUpCircuits, settings.OpenConcurrency, "warm", warmUpFailures, cancellationToken);
        if (!warmUpFailures.IsEmpty)
        {
            throw new InvalidOperationException("A warm-up circuit did not come up: " + warmUpFailures.First());
        }

        foreach (var browser in warmUp)
        {
            await browser.ChangeWorkersAsync(3, cancellationToken);
        }

        await CloseAsync(warmUp);
        await server.WaitForCircuitsAsync(0, closeWait, cancellationToken);
        var idle = await server.SampleAsync(collect: true, cancellationToken);
        progress($"Idle: heap {Mb(idle.ManagedHeapBytes)}, working set {Mb(idle.WorkingSetBytes)}.");

        var browsers = new List<SimulatedBrowser>();
        var levels = new List<LevelResult>();
        var stop = "every level ran";
        var attempted = 0;
        try
        {
            foreach (var level in settings.Levels)
            {
                if (clock.Elapsed > settings.MaxDuration)
                {
                    stop = $"time: {settings.MaxDuration.TotalMinutes:0} minutes passed before the level of {level:N0}";
                    break;
                }

                var open = Stopwatch.StartNew();
                var openFailures = new ConcurrentBag<string>();
                browsers.AddRange(await OpenAsync(server.BaseAddress, attempted, level - attempted, settings.OpenConcurrency, "user", openFailures, cancellationToken));
                attempted = level;
                open.Stop();
                progress($"{browsers.Count:N0} circuits open ({open.Elapsed.TotalSeconds:0} s); measuring {settings.MeasureWindow.TotalSeconds:0} s.");

                var result = await MeasureAsync(server, browsers, idle, open.Elapsed, settings, cancellationToken) with
                {
                    OpenFailures = openFailures.Count,
                    FirstOpenFailure = openFailures.FirstOrDefault(),
                };
                levels.Add(result);
                progress($"{result.Circuits:N0} circuits: p50 {result.P50Ms:0.0} ms, p95 {result.P95Ms:0.0} ms, p99 {result.P99Ms:0.0} ms, "
                         + $"CPU {result.ServerCpuPercent:0} %, heap {Mb(result.Server.ManagedHeapBytes)}, working set {Mb(result.Server.WorkingSetBytes)}, "
                         + $"{result.Failures} failed.");
                if (result.P95Ms > settings.P95LimitMs)
                {
                    stop = $"latency: p95 {result.P95Ms:0} ms passed {settings.P95LimitMs:0} ms at {level:N0} circuits";
                    break;
                }

                if (result.Server.WorkingSetBytes > settings.MemoryLimit * machine.MemoryBytes)
                {
                    stop = $"memory: the working set passed {settings.MemoryLimit:P0} of the machine at {level:N0} circuits";
                    break;
                }

                if (result.OpenFailures > level / 100)
                {
                    stop = $"failures: {result.OpenFailures} circuits did not come up at {level:N0} ({result.FirstOpenFailure})";
                    break;
                }

                if (result.Failures > 0)
                {
                    stop = $"failures: {result.Failures} interactions failed at {level:N0} circuits ({result.FirstFailure})";
                    break;
                }
            }
        }
        finally
        {
            progress($"Closing {browsers.Count:N0} circuits.");
            await CloseAsync(browsers);
        }

        var wait = Stopwatch.StartNew();
        var trimsBefore = levels.Count > 0 ? levels[^1].Server.MemoryTrims : idle.MemoryTrims;
        await server.WaitForCircuitsAsync(0, closeWait, cancellationToken);
        // The portal gives memory back on its own once many circuits have gone (MemoryTrim:*, every 10 s by default; it
        // may trim first while the last circuits wait out their retention period): the figure after close is read once
        // it has trimmed with no circuit left, or after half a minute if it does not.
        await server.WaitForAsync(s => s.MemoryTrims > trimsBefore && s.LastTrimOpenCircuits == 0, TimeSpan.FromSeconds(30), cancellationToken);
        var after = await server.SampleAsync(collect: true, cancellationToken);
        progress($"After close ({wait.Elapsed.TotalSeconds:0} s, {after.OpenCircuits} circuits left): heap {Mb(after.ManagedHeapBytes)}, working set {Mb(after.WorkingSetBytes)}.");
        return new CapacityResult(started, machine, settings, idle, levels, after, wait.Elapsed, stop, loadAtStart, MachineInfo.LoadAverage());
    }

    private static async Task<LevelResult> MeasureAsync(
        PortalServer server, List<SimulatedBrowser> browsers, LoadSample idle, TimeSpan openTime, CapacitySettings settings, CancellationToken cancellationToken)
    {
        var latencies = new ConcurrentBag<double>();
        var failures = new ConcurrentBag<string>();
        var before = await server.SampleAsync(collect: false, cancellationToken);
        var window = Stopwatch.StartNew();
        var end = settings.MeasureWindow;
        var interval = settings.InteractionInterval;
        var loops = browsers.Select(async (browser, index) =>
        {
            // A random phase per circuit, so the interactions arrive at a steady rate rather than in waves.
            var next = TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * interval.TotalMilliseconds);
            while (next < end)
            {
                var wait = next - window.Elapsed;
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, cancellationToken);
                }

                try
                {
                    var interaction = await browser.AlternateWorkersAsync(cancellationToken);
                    latencies.Add(interaction.Latency.TotalMilliseconds);
                }
                catch (Exception ex) when (ex is InvalidOperationException or TimeoutException or IOException)
                {
                    failures.Add($"circuit {index}: {ex.Message}");
                    return;
                }

                next += interval;
            }
        });
        await Task.WhenAll(loops);
        window.Stop();
        var afterWindow = await server.SampleAsync(collect: false, cancellationToken);
        var live = await server.SampleAsync(collect: true, cancellationToken);
        var sorted = latencies.Order().ToList();
        var cpu = (afterWindow.CpuSeconds - before.CpuSeconds) / (window.Elapsed.TotalSeconds * afterWindow.Cores) * 100;
        var circuits = browsers.Count;
        return new LevelResult(
            circuits,
            openTime,
            sorted.Count,
            failures.Count,
            Percentiles.Of(sorted, 0.50),
            Percentiles.Of(sorted, 0.95),
            Percentiles.Of(sorted, 0.99),
            cpu,
            live,
            (double)(live.ManagedHeapBytes - idle.ManagedHeapBytes) / circuits,
            (double)(live.WorkingSetBytes - idle.WorkingSetBytes) / circuits,
            failures.FirstOrDefault());
    }

    /// <summary>Opens <paramref name="count"/> circuits; one that fails to come up is counted in <paramref name="failures"/>, not fatal to the run.</summary>
    private static async Task<List<SimulatedBrowser>> OpenAsync(
        Uri baseAddress, int first, int count, int concurrency, string prefix, ConcurrentBag<string> failures, CancellationToken cancellationToken)
    {
        var opened = new ConcurrentBag<SimulatedBrowser>();
        await Parallel.ForAsync(first, first + count, new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken }, async (i, ct) =>
        {
            try
            {
                opened.Add(await SimulatedBrowser.OpenAsync(baseAddress, $"load-{prefix}-{i + 1}", ct));
            }
            catch (Exception ex) when (ex is InvalidOperationException or TimeoutException or IOException or HttpRequestException)
            {
                failures.Add($"opening circuit {i + 1}: {ex.Message}");
            }
        });
        return [.. opened];
    }

    private static async Task CloseAsync(IEnumerable<SimulatedBrowser> browsers)
    {
        foreach (var chunk in browsers.Chunk(50))
        {
            await Task.WhenAll(chunk.Select(b => b.DisposeAsync().AsTask()));
        }
    }

    private static string Mb(long bytes) => (bytes / 1024.0 / 1024.0).ToString("0.0", CultureInfo.InvariantCulture) + " MB";
}
