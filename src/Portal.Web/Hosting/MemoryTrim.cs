using System.ComponentModel.DataAnnotations;
using System.Diagnostics;
using System.Runtime;
using Microsoft.Extensions.Options;
using Portal.Web.Diagnostics;

namespace Portal.Web.Hosting;

/// <summary>
/// <c>MemoryTrim:*</c>: giving memory back to the machine once many circuits have closed (issue 16). The server garbage
/// collector keeps what it committed at the busiest moment (gigabytes after thousands of circuits) unless asked to
/// decommit it; an operator sizing several instances on one host wants it back.
/// </summary>
public sealed class MemoryTrimOptions
{
    public const string SectionName = "MemoryTrim";

    /// <summary>Trims at all.</summary>
    /// <remarks>Defaults to <c>true</c>.</remarks>
    public bool Enabled { get; set; } = true;

    /// <summary>How often the open circuits are counted.</summary>
    /// <remarks>Defaults to 10 seconds; between 1 second and 10 minutes.</remarks>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How many circuits must have closed since the busiest count (and at least half of them) before a trim.</summary>
    /// <remarks>Defaults to 50: a handful of closed tabs is not worth a full, blocking collection. At least 1.</remarks>
    [Range(1, int.MaxValue)]
    public int MinimumClosed { get; set; } = 50;

    /// <summary>
    /// The most circuits that may still be open for a trim. The collection blocks every circuit for as long as it takes
    /// to compact what is still live (about 1.3 MB per explore circuit), so it waits until the portal is nearly idle.
    /// </summary>
    /// <remarks>Defaults to 100; 0 trims only when every circuit has gone.</remarks>
    [Range(0, int.MaxValue)]
    public int MaximumOpen { get; set; } = 100;
}

/// <summary>
/// When to trim: after at least <c>MinimumClosed</c> circuits, and at least half of the busiest count, have gone, and no
/// more than <c>MaximumOpen</c> remain; and once more when the last circuit has gone after a trim made while some were
/// still open (closed tabs wait out their retention period a few at a time), which pauses nobody.
/// </summary>
public sealed class MemoryTrimPolicy(int minimumClosed, int maximumOpen = int.MaxValue)
{
    private int _peak;
    private bool _partial;

    /// <summary>The busiest count since the last trim.</summary>
    public int Peak => _peak;

    /// <summary>Takes the current count; true when memory should be trimmed now (the count then becomes the new peak).</summary>
    public bool Observe(int openCircuits)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(openCircuits);
        _peak = Math.Max(_peak, openCircuits);
        var closed = _peak - openCircuits;
        var finishing = openCircuits == 0 && _partial && closed > 0;
        if (!finishing && (closed < Math.Max(1, minimumClosed) || closed * 2 < _peak || openCircuits > maximumOpen))
        {
            return false;
        }

        _peak = openCircuits;
        _partial = openCircuits > 0;
        return true;
    }
}

/// <summary>
/// Counts the open circuits every <c>MemoryTrim:CheckInterval</c> and, when the policy says so, runs one aggressive
/// blocking collection (<see cref="GCCollectionMode.Aggressive"/>: compacts, large objects too, and decommits what is free).
/// The pause is that of a full collection of what is still live, so it is taken only after many circuits have gone.
/// </summary>
internal sealed partial class MemoryTrimService(
    CircuitCounter circuits, IOptions<MemoryTrimOptions> options, TimeProvider time, ILogger<MemoryTrimService> logger) : BackgroundService
{
    private int _trims;
    private int _checks;

    /// <summary>Trims done since the portal started (the load diagnostics report it).</summary>
    public int Trims => Volatile.Read(ref _trims);

    /// <summary>Times the circuits were counted.</summary>
    public int Checks => Volatile.Read(ref _checks);

    /// <summary>How long the last trim's collections took (every circuit waits for them), in milliseconds; 0 before any.</summary>
    public long LastTrimMilliseconds => Interlocked.Read(ref _lastTrimMilliseconds);

    private long _lastTrimMilliseconds;
    private int _lastTrimOpen = -1;

    /// <summary>Circuits open when the last trim ran; -1 before any.</summary>
    public int LastTrimOpenCircuits => Volatile.Read(ref _lastTrimOpen);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            return;
        }

        var policy = new MemoryTrimPolicy(settings.MinimumClosed, settings.MaximumOpen);
        using var timer = new PeriodicTimer(settings.CheckInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                var peak = policy.Peak;
                if (policy.Observe(circuits.Open))
                {
                    Trim(peak);
                }

                Interlocked.Increment(ref _checks);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private void Trim(int peak)
    {
        using var process = Process.GetCurrentProcess();
        var before = process.WorkingSet64;
        var open = circuits.Open;
        var watch = Stopwatch.StartNew();
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        // What the closed circuits left to finalizers (sockets, timers) is freed by the second collection.
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        watch.Stop();
        process.Refresh();
        Interlocked.Exchange(ref _lastTrimMilliseconds, watch.ElapsedMilliseconds);
        Volatile.Write(ref _lastTrimOpen, open);
        Interlocked.Increment(ref _trims);
        LogTrimmed(logger, peak, open, before / 1048576, process.WorkingSet64 / 1048576, watch.ElapsedMilliseconds);
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Memory trimmed after circuits closed ({Peak} at the busiest, {Open} open now): working set {BeforeMb} MB -> {AfterMb} MB, in {Milliseconds} ms.")]
    private static partial void LogTrimmed(ILogger logger, int peak, int open, long beforeMb, long afterMb, long milliseconds);
}
