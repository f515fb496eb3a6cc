using System.Globalization;
using System.Text;

namespace Portal.LoadTests.Driver;

/// <summary>The results file of a capacity run (Markdown), with the issue's goals checked against the figures.</summary>
internal static class CapacityReport
{
    public const double HeapGoalBytes = 150 * 1024;
    public const double WorkingSetGoalBytes = 400 * 1024;

    public static string Write(CapacityResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var s = result.Settings;
        var text = new StringBuilder();
        text.AppendLine("# Capacity: explore-page circuits on one portal instance (issue 16)").AppendLine();
        text.AppendLine(Inv($"Run {result.Started:yyyy-MM-dd HH:mm} UTC on {result.Machine.Cores} cores, {Gb(result.Machine.MemoryBytes)} memory ({result.Machine.Description}). ") + Inv($"The portal runs as its own process on loopback (sandbox cloud, SQLite, Production environment); the driver runs beside it on the same cores. ") + Inv($"Load average (1, 5, 15 min) at the start: {result.LoadAverageAtStart}; at the end: {result.LoadAverageAtEnd} (the machine is shared)."));
        text.AppendLine();
        text.AppendLine(Inv($"Each circuit is a distinct signed-in user on `/`: search \"era5\", select ERA5, then change \"Workers per region\" (3, 4, 3, …) once every {s.InteractionInterval.TotalSeconds:0} s at a random phase. ") + Inv($"Latency: from dispatching the input event to the render batch that shows the new total (`cost-total`). Each level is measured for {s.MeasureWindow.TotalSeconds:0} s once its circuits are open. ") + Inv($"Heap: live managed heap after a full compacting collection; working set: resident memory of the portal process. Per circuit: (figure − idle) ÷ circuits. ") + Inv($"Retention period for the run: {s.RetentionPeriod.TotalSeconds:0} s."));
        text.AppendLine();
        text.AppendLine(Inv($"Garbage collector: {result.Idle.Collector}.")).AppendLine();
        text.AppendLine(Inv($"Idle (after {s.WarmUpCircuits} warm-up circuits closed): heap {Mb(result.Idle.ManagedHeapBytes)}, working set {Mb(result.Idle.WorkingSetBytes)}."));
        text.AppendLine();
        text.AppendLine("| Circuits | Opened in (s) | Did not open | Interactions | Failed | p50 (ms) | p95 (ms) | p99 (ms) | Server CPU (% of machine) | Working set (MB) | Heap (MB) | Heap per circuit (KB) | Working set per circuit (KB) |");
        text.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var l in result.Levels)
        {
            text.AppendLine(Inv($"| {l.Circuits:N0} | {l.OpenTime.TotalSeconds:0} | {l.OpenFailures} | {l.Interactions:N0} | {l.Failures} | {l.P50Ms:0.0} | {l.P95Ms:0.0} | {l.P99Ms:0.0} | {l.ServerCpuPercent:0} | ") + Inv($"{l.Server.WorkingSetBytes / 1048576.0:0.0} | {l.Server.ManagedHeapBytes / 1048576.0:0.0} | {l.HeapPerCircuitBytes / 1024:0} | {l.WorkingSetPerCircuitBytes / 1024:0} |"));
        }

        text.AppendLine();
        text.AppendLine(Inv($"Stopped: {result.StopReason}."));
        foreach (var l in result.Levels.Where(l => l.FirstOpenFailure is not null || l.FirstFailure is not null))
        {
            text.AppendLine().AppendLine(Inv($"At {l.Circuits:N0}: first circuit that did not open: {l.FirstOpenFailure ?? "none"}; first failed interaction: {l.FirstFailure ?? "none"}."));
        }
        text.AppendLine();
        var back = result.AfterClose;
        var heapReturn = (double)back.ManagedHeapBytes / result.Idle.ManagedHeapBytes - 1;
        var wsReturn = (double)back.WorkingSetBytes / result.Idle.WorkingSetBytes - 1;
        var trims = back.MemoryTrims - (result.Levels.Count > 0 ? result.Levels[^1].Server.MemoryTrims : result.Idle.MemoryTrims);
        var trimmed = trims > 0
            ? Inv($"the portal trimmed its memory {trims} {(trims == 1 ? "time" : "times")} (MemoryTrim; the last with {back.LastTrimOpenCircuits} circuits open, a pause of {back.LastTrimMilliseconds} ms)")
            : "no memory trim by the portal";
        text.AppendLine(Inv($"After every circuit closed and the retention period passed ({result.AfterCloseWait.TotalSeconds:0} s, {back.OpenCircuits} circuits left, {trimmed}): heap {Mb(back.ManagedHeapBytes)} ({heapReturn:+0%;-0%} against idle), working set {Mb(back.WorkingSetBytes)} ({wsReturn:+0%;-0%})."));
        text.AppendLine();
        text.AppendLine("## Goals").AppendLine();
        if (result.Levels.Count > 0)
        {
            var largest = result.Levels[^1];
            text.AppendLine(Inv($"- Managed heap per circuit under 150 KB: {Met(largest.HeapPerCircuitBytes < HeapGoalBytes)} ({largest.HeapPerCircuitBytes / 1024:0} KB at {largest.Circuits:N0} circuits)."));
            text.AppendLine(Inv($"- Working set per circuit under 400 KB: {Met(largest.WorkingSetPerCircuitBytes < WorkingSetGoalBytes)} ({largest.WorkingSetPerCircuitBytes / 1024:0} KB at {largest.Circuits:N0} circuits)."));
            var at2000 = result.Levels.FirstOrDefault(l => l.Circuits >= 2000);
            text.AppendLine(at2000 is null
                ? "- 2,000 circuits at p95 under 250 ms: not reached in this run."
                : Inv($"- 2,000 circuits at p95 under 250 ms: {Met(at2000.P95Ms < 250 && at2000.Failures == 0)} (p95 {at2000.P95Ms:0} ms at {at2000.Circuits:N0})."));
        }

        text.AppendLine(Inv($"- Memory back within 10 % of idle after close: heap {Met(heapReturn <= 0.10)}, working set {Met(wsReturn <= 0.10)}."));
        return text.ToString();
    }

    private static string Met(bool met) => met ? "met" : "not met";

    private static string Mb(long bytes) => Inv($"{bytes / 1048576.0:0.0} MB");

    private static string Gb(long bytes) => Inv($"{bytes / 1073741824.0:0.0} GB");

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
