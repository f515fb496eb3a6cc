using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace Portal.Benchmarks;

/// <summary>The results as Markdown: the machine, then per run a summary, the sessions, and what did not become ready.</summary>
internal static class MarkdownReport
{
    /// <summary>The goal for launch-to-ready over the longest single step.</summary>
    public const double Goal = 1.10;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Write(IReadOnlyList<RunResult> runs, int sessions, DateTimeOffset date)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var md = new StringBuilder();
        md.AppendLine("# Launch to Ready in the sandbox");
        md.AppendLine();
        md.AppendLine(Invariant, $"{sessions} sessions (ERA5 + CMIP6, the sample request) launched together, each by its own user, against the longest single step, with the sandbox's default durations.");
        md.AppendLine();
        md.AppendLine(Invariant, $"- Date: {date:yyyy-MM-dd HH:mm:ss} UTC");
        md.AppendLine(Invariant, $"- Machine: {Environment.ProcessorCount} processors, {Gib(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes)} GiB memory available; {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}");
        md.AppendLine(Invariant, $"- Goal: launch-to-ready / longest step at most {Goal:0.00}");
        md.AppendLine("- Each run has its own host and empty database; one unmeasured session runs first (warm-up), so the first run does not alone pay for JIT and EF's model");
        md.AppendLine();
        md.AppendLine("| Run | Poll interval | Ready | Longest step configured | Longest step measured (max) | Launch-to-ready p50 | p95 | max | Ratio p50 | Ratio max | Goal met |");
        md.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var run in runs)
        {
            var times = run.Ready.Select(r => r.LaunchToReady).Order().ToList();
            var measured = run.Ready.Count > 0 ? Seconds(run.Ready.Max(r => r.LongestStepMeasured)) : "-";
            if (times.Count == 0)
            {
                md.AppendLine(Invariant, $"| {run.Settings.Label} | {Seconds(run.PollInterval)} | 0/{run.Settings.Sessions} | {Seconds(run.LongestStepConfigured)} | - | - | - | - | - | - | no |");
                continue;
            }

            var p50 = Percentile(times, 0.50);
            var max = times[^1];
            var ratioP50 = p50 / run.LongestStepConfigured;
            var ratioMax = max / run.LongestStepConfigured;
            var met = run.Unready.Count == 0 && ratioMax <= Goal ? "yes" : "no";
            md.AppendLine(Invariant, $"| {run.Settings.Label} | {Seconds(run.PollInterval)} | {run.Ready.Count}/{run.Settings.Sessions} | {Seconds(run.LongestStepConfigured)} | {measured} | {Seconds(p50)} | {Seconds(Percentile(times, 0.95))} | {Seconds(max)} | {ratioP50:0.00} | {ratioMax:0.00} | {met} |");
        }

        md.AppendLine();
        md.AppendLine("Ratio = launch-to-ready (wall clock, from just before `LaunchAsync` until a read after a change shows the session Ready) / the longest configured step; 1.00 would be a session that is Ready the moment its longest step is done. Percentiles are nearest-rank. \"Goal met\" needs every session Ready and the max ratio within the goal.");
        foreach (var run in runs)
        {
            WriteRun(md, run);
        }

        return md.ToString();
    }

    private static void WriteRun(StringBuilder md, RunResult run)
    {
        md.AppendLine();
        md.AppendLine(Invariant, $"## {run.Settings.Label}: poll interval {Seconds(run.PollInterval)}");
        md.AppendLine();
        md.AppendLine(Invariant, $"Run took {Seconds(run.Elapsed)} (bound {Seconds(run.Settings.Timeout)}).");
        md.AppendLine();
        md.AppendLine("| User | Session | Steps | Launch-to-ready | Recorded (ReadyAt - CreatedAt) | Wait before first step | Longest step measured | Ratio |");
        md.AppendLine("|---|---|---|---|---|---|---|---|");
        foreach (var r in run.Ready.OrderBy(r => r.LaunchToReady))
        {
            md.AppendLine(Invariant, $"| {r.User} | {r.Id.Value} | {r.Steps} | {Seconds(r.LaunchToReady)} | {Seconds(r.RecordedLaunchToReady)} | {Seconds(r.WaitBeforeFirstStep)} | {Seconds(r.LongestStepMeasured)} | {r.LaunchToReady / r.LongestStepConfigured:0.00} |");
        }

        if (run.Unready.Count > 0)
        {
            md.AppendLine();
            md.AppendLine(Invariant, $"Not ready ({run.Unready.Count}):");
            md.AppendLine();
            foreach (var u in run.Unready)
            {
                md.AppendLine(Invariant, $"- {u.User} {u.Id?.Value ?? "(no session)"}: {u.Where}");
            }
        }
    }

    /// <summary>Nearest rank: the smallest value with at least <paramref name="fraction"/> of the values at or below it.</summary>
    private static TimeSpan Percentile(List<TimeSpan> sorted, double fraction) =>
        sorted[Math.Clamp((int)Math.Ceiling(fraction * sorted.Count) - 1, 0, sorted.Count - 1)];

    private static string Seconds(TimeSpan value) => value.TotalSeconds.ToString("0.000 's'", Invariant);

    private static string Gib(long bytes) => (bytes / (1024.0 * 1024 * 1024)).ToString("0.0", Invariant);
}
