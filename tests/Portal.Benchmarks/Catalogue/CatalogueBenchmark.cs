using System.Diagnostics;
using System.Globalization;
using System.Text;
using Portal.Domain.Datasets.Stores;
using Portal.Infra.Catalogue;

namespace Portal.Benchmarks.Catalogue;

/// <summary>
/// Issue 10: the store catalogue at scale. A synthetic CMIP6-style catalogue of <c>rows</c> stores is written to a
/// temp folder (deleted after), loaded with <see cref="IntakeEsmReader"/> into a <see cref="StoreIndex"/> (time and
/// memory), then the fixed <see cref="QueryMix"/> runs against the index and the same queries against pandas; both
/// must give the same answers.
/// </summary>
internal static class CatalogueBenchmark
{
    public const int DefaultRows = 500_000;
    public const double GoalP95Milliseconds = 5;
    public const double GoalSpeedup = 20;

    private const int PerKind = 40;
    private const int WarmupPasses = 2;

    /// <summary>Measured passes over the mix; a query's time is its median over them, so a time slice lost to another process does not count as the query's.</summary>
    private const int MeasuredPasses = 5;
    private const int Shown = 50;
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Runs everything, writes the report; 0 when pandas ran and agreed, 1 otherwise (missing a goal is in the report only).</summary>
    public static async Task<int> RunAsync(int rows, string output, CancellationToken cancellationToken)
    {
        var report = new CatalogueReport(DateTimeOffset.UtcNow);
        var folder = Directory.CreateTempSubdirectory("portal-bench-catalogue-");
        try
        {
            var succeeded = await RunAsync(rows, folder.FullName, report, cancellationToken);
            await AddExplorePageRenderAsync(report, cancellationToken);
            await File.WriteAllTextAsync(output, report.ToMarkdown(), cancellationToken);
            Console.WriteLine(report.ToMarkdown());
            Console.WriteLine($"Results written to {output}");
            return succeeded ? 0 : 1;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static async Task<bool> RunAsync(int rows, string folder, CatalogueReport report, CancellationToken cancellationToken)
    {
        var csv = Path.Combine(folder, "cmip6-synthetic.csv");
        Console.WriteLine($"Writing a synthetic catalogue of {rows:N0} stores...");
        var written = Stopwatch.StartNew();
        SyntheticCatalogue.Write(csv, rows);
        written.Stop();

        Console.WriteLine("Loading it...");
        var (index, sample, load) = Load(csv);
        report.Add("Catalogue", Describe(index, csv, written.Elapsed));
        if (load.Problems > 0 || index.Count != rows)
        {
            report.Add("Load", $"{load.Problems} problem(s) reading the synthetic catalogue, {index.Count:N0} of {rows:N0} stores read. Nothing else was measured.");
            return false;
        }

        var queries = QueryMix.Create(sample, PerKind);
        Console.WriteLine($"Running {queries.Count} queries ({WarmupPasses} warm-up passes first)...");
        var ours = RunOurs(index, queries);

        if (await PandasRun.ProblemAsync(cancellationToken) is { } missing)
        {
            report.Add("Load", LoadSection(load, null));
            report.Add("Queries", QueriesSection(queries, ours, null));
            report.Add("pandas", $"pandas could not be run, so nothing was compared: {missing}. Install Debian's python3-pandas (`apt-get install python3-pandas`).\n\nGoal met: no (not measured against pandas)");
            return false;
        }

        Console.WriteLine("Running the same queries with pandas...");
        var pandas = await PandasRun.RunAsync(csv, queries, WarmupPasses, MeasuredPasses, folder, cancellationToken);
        var disagreements = Compare(queries, ours, pandas);
        report.Add("Load", LoadSection(load, pandas));
        report.Add("Queries", QueriesSection(queries, ours, pandas));
        report.Add("Agreement with pandas", disagreements.Count == 0
            ? $"Results agree: yes. All {queries.Count} queries gave the same match count, the same non-zero count for every value of every facet, and the same number of rows shown (first {Shown})."
            : $"Results agree: no. {disagreements.Count} of {queries.Count} queries differ:\n\n" + string.Join('\n', disagreements.Take(20).Select(d => $"- {d}")));
        report.Add("Goals", GoalsSection(ours, pandas));
        return disagreements.Count == 0;
    }

    /// <summary>The explore page's server render and HTML size with the full registry, against the two-dataset page.</summary>
    private static async Task AddExplorePageRenderAsync(CatalogueReport report, CancellationToken cancellationToken)
    {
        Console.WriteLine("Explore page render: the real app in-process, two datasets then the full registry...");
        var results = await ExploreRenderRun.RunAsync(cancellationToken);
        // The run writes its own heading; the report gives the section its title.
        var body = ExploreRenderRun.Report(results);
        report.Add("Explore page render", body[(body.IndexOf('\n', StringComparison.Ordinal) + 1)..].Trim());
    }

    private static (StoreIndex Index, List<StoreRecord> Sample, LoadFigures Load) Load(string csv)
    {
        // Parsing alone, which also keeps every tenth store as the sample the query mix draws its values from.
        var sample = new List<StoreRecord>();
        var problems = new List<ImportProblem>();
        var parse = Stopwatch.StartNew();
        var count = 0;
        foreach (var store in IntakeEsmReader.Read(csv, problems))
        {
            if (count++ % 10 == 0)
            {
                sample.Add(store);
            }
        }

        parse.Stop();
        problems.Clear();

        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var load = Stopwatch.StartNew();
        var index = new StoreIndex(IntakeEsmReader.Read(csv, problems));
        load.Stop();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        var retained = GC.GetTotalMemory(forceFullCollection: true) - heapBefore;
        GC.KeepAlive(index);
        var figures = new LoadFigures(index.Count, parse.Elapsed, load.Elapsed, allocated, retained, Environment.WorkingSet, Process.GetCurrentProcess().PeakWorkingSet64, problems.Count);
        return (index, sample, figures);
    }

    private static List<OurAnswer> RunOurs(StoreIndex index, IReadOnlyList<MixQuery> queries)
    {
        // At least two passes and a second, so the hot methods are past tiered compilation's first tier.
        var warming = Stopwatch.StartNew();
        for (var pass = 0; pass < WarmupPasses || warming.Elapsed < TimeSpan.FromSeconds(1); pass++)
        {
            foreach (var query in queries)
            {
                _ = index.Query(query.Query).Take(Shown);
            }
        }

        GC.Collect();
        GC.WaitForPendingFinalizers();
        var times = queries.Select(_ => new List<double>()).ToArray();
        var answers = new OurAnswer[queries.Count];
        for (var pass = 0; pass < MeasuredPasses; pass++)
        {
            for (var i = 0; i < queries.Count; i++)
            {
                var started = Stopwatch.GetTimestamp();
                var result = index.Query(queries[i].Query);
                var shown = result.Take(Shown);
                times[i].Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                answers[i] = new OurAnswer(Timings.Percentile(times[i], 0.5), times[i], result, shown.Count);
            }
        }

        return [.. answers];
    }

    private static List<string> Compare(IReadOnlyList<MixQuery> queries, IReadOnlyList<OurAnswer> ours, PandasResult pandas)
    {
        var differences = new List<string>();
        if (pandas.Answers.Count != queries.Count)
        {
            differences.Add($"pandas answered {pandas.Answers.Count} queries, not {queries.Count}");
            return differences;
        }

        for (var i = 0; i < queries.Count; i++)
        {
            var (our, their) = (ours[i], pandas.Answers[i]);
            var what = new List<string>();
            if (our.Result.Matches != their.Matches)
            {
                what.Add($"matches {our.Result.Matches} vs {their.Matches}");
            }

            if (our.Shown != their.Shown)
            {
                what.Add($"rows shown {our.Shown} vs {their.Shown}");
            }

            foreach (var facet in StoreFacets.All)
            {
                var mine = our.Result.Counts(facet).Where(c => c.Count > 0).ToDictionary(c => c.Value, c => c.Count, StringComparer.Ordinal);
                var theirs = their.Counts.TryGetValue(facet.ColumnName(), out var t) ? t : [];
                if (mine.Count != theirs.Count || mine.Any(kv => !theirs.TryGetValue(kv.Key, out var n) || n != kv.Value))
                {
                    what.Add($"{facet.ColumnName()} counts differ ({mine.Count} vs {theirs.Count} values)");
                }
            }

            if (what.Count > 0)
            {
                differences.Add($"query {i + 1} ({queries[i].Query}): {string.Join("; ", what)}");
            }
        }

        return differences;
    }

    private static string Describe(StoreIndex index, string csv, TimeSpan written)
    {
        var cardinalities = string.Join(", ", StoreFacets.All.Select(f => $"{f.ColumnName()} {index.Values(f).Count}"));
        return string.Create(Invariant, $"""
            A synthetic CMIP6-style intake-esm CSV (deterministic; `SyntheticCatalogue`), written in {written.TotalSeconds:0.0} s to a temp folder that is deleted afterwards.

            - Stores: {index.Count:N0}; file size {new FileInfo(csv).Length / (1024.0 * 1024):0.0} MiB
            - Distinct values: {cardinalities}
            - Frequencies are skewed (a few values such as CMIP, historical, Amon, tas, gn hold most rows), as in Pangeo's catalogue
            """);
    }

    private static string LoadSection(LoadFigures load, PandasResult? pandas)
    {
        var md = new StringBuilder();
        md.AppendLine("| | Time | Rows/s |");
        md.AppendLine("|---|---|---|");
        md.AppendLine(Invariant, $"| IntakeEsmReader alone (parse, no index) | {load.Parse.TotalSeconds:0.00} s | {load.Rows(load.Parse):N0} |");
        md.AppendLine(Invariant, $"| IntakeEsmReader + StoreIndex build (the load) | {load.Load.TotalSeconds:0.00} s | {load.Rows(load.Load):N0} |");
        if (pandas is not null)
        {
            md.AppendLine(Invariant, $"| pandas read_csv + categoricals (for context) | {pandas.LoadSeconds:0.00} s | {load.Rows(TimeSpan.FromSeconds(pandas.LoadSeconds)):N0} |");
        }

        md.AppendLine();
        md.AppendLine(Invariant, $"- Allocated during the load: {Mib(load.Allocated)} MiB (strings of every field, records; most of it garbage at once)");
        md.AppendLine(Invariant, $"- Retained by the index (managed heap after a full collection, minus before): {Mib(load.Retained)} MiB, {load.Retained / (double)load.Stores:0} bytes per store");
        md.AppendLine(Invariant, $"- Process working set after the load: {Mib(load.WorkingSet)} MiB (peak {Mib(load.PeakWorkingSet)} MiB)");
        if (pandas is not null)
        {
            md.AppendLine(Invariant, $"- pandas DataFrame, `memory_usage(deep=True)`: {Mib(pandas.MemoryBytes)} MiB (facets as categoricals, paths as Python strings)");
        }

        return md.ToString();
    }

    private static string QueriesSection(IReadOnlyList<MixQuery> queries, IReadOnlyList<OurAnswer> ours, PandasResult? pandas)
    {
        var md = new StringBuilder();
        md.AppendLine(Invariant, $"{queries.Count} queries, {PerKind} of each kind, interleaved. Picks are drawn from the catalogue's rows, so common values come up more; free texts are 3-5 letters of a model, variable, experiment or institution (all different), half of them with a table picked too.");
        md.AppendLine();
        md.AppendLine(Invariant, $"Each query is timed alone: Stopwatch around `Query` + `Take({Shown})` for ours; `time.perf_counter` inside Python for pandas (masks, matches, disjunctive `value_counts` per facet, `head({Shown})`). After unmeasured passes over the mix ({WarmupPasses} for pandas; for ours at least {WarmupPasses} and one second, for tiered compilation), {MeasuredPasses} measured passes; a query's time is its median over them, so a time slice lost to another process (see the load average above) is not taken for the query's cost. Milliseconds; percentiles nearest-rank.");
        md.AppendLine();
        md.AppendLine(pandas is null
            ? "| Kind | Queries | Ours p50 | Ours p95 | Ours max |\n|---|---|---|---|---|"
            : "| Kind | Queries | Ours p50 | Ours p95 | Ours max | pandas p50 | pandas p95 | Ratio p50 | Ratio p95 |\n|---|---|---|---|---|---|---|---|---|");
        foreach (var kind in QueryMix.Kinds.Append("All"))
        {
            var picked = Enumerable.Range(0, queries.Count).Where(i => kind == "All" || queries[i].Kind == kind).ToList();
            var mine = picked.Select(i => ours[i].Milliseconds).ToList();
            var (p50, p95) = (Timings.Percentile(mine, 0.5), Timings.Percentile(mine, 0.95));
            var row = string.Create(Invariant, $"| {(kind == "All" ? "**All**" : kind)} | {picked.Count} | {p50:0.000} | {p95:0.000} | {mine.Max():0.000} |");
            if (pandas is not null)
            {
                var theirs = picked.Select(i => pandas.Answers[i].Milliseconds).ToList();
                var (t50, t95) = (Timings.Percentile(theirs, 0.5), Timings.Percentile(theirs, 0.95));
                row += string.Create(Invariant, $" {t50:0.0} | {t95:0.0} | {t50 / p50:0}x | {t95 / p95:0}x |");
            }

            md.AppendLine(row);
        }

        if (pandas is not null)
        {
            md.AppendLine();
            md.AppendLine(Invariant, $"pandas: {pandas.Versions}. Ratio = pandas ÷ ours at the same percentile.");
        }

        var runs = ours.SelectMany(a => a.Runs).ToList();
        md.AppendLine();
        md.AppendLine(Invariant, $"Ours over every measured run ({runs.Count}, no median), time slices lost to other processes included: p50 {Timings.Percentile(runs, 0.5):0.000}, p95 {Timings.Percentile(runs, 0.95):0.000}, p99 {Timings.Percentile(runs, 0.99):0.000}, max {runs.Max():0.000}.");
        md.AppendLine();
        md.AppendLine("Our five slowest queries (median):");
        md.AppendLine();
        foreach (var i in Enumerable.Range(0, queries.Count).OrderByDescending(i => ours[i].Milliseconds).Take(5))
        {
            md.AppendLine(Invariant, $"- {ours[i].Milliseconds:0.000} ms, {ours[i].Result.Matches:N0} matches: {queries[i].Query}");
        }

        return md.ToString();
    }

    private static string GoalsSection(IReadOnlyList<OurAnswer> ours, PandasResult pandas)
    {
        var mine = ours.Select(a => a.Milliseconds).ToList();
        var theirs = pandas.Answers.Select(a => a.Milliseconds).ToList();
        var (p50, p95) = (Timings.Percentile(mine, 0.5), Timings.Percentile(mine, 0.95));
        var (ratio50, ratio95) = (Timings.Percentile(theirs, 0.5) / p50, Timings.Percentile(theirs, 0.95) / p95);
        return string.Create(Invariant, $"""
            - Query p95 under {GoalP95Milliseconds:0} ms over the whole mix: {p95:0.000} ms. Goal met: {YesNo(p95 < GoalP95Milliseconds)}
            - At least {GoalSpeedup:0}x faster than pandas at p50 and p95: {ratio50:0}x at p50, {ratio95:0}x at p95. Goal met: {YesNo(ratio50 >= GoalSpeedup && ratio95 >= GoalSpeedup)}
            """);
    }

    private static string YesNo(bool value) => value ? "yes" : "no";

    private static string Mib(long bytes) => (bytes / (1024.0 * 1024)).ToString("0.0", Invariant);

    /// <param name="Milliseconds">The median over the measured passes.</param>
    /// <param name="Runs">Every measured run, in milliseconds.</param>
    private sealed record OurAnswer(double Milliseconds, IReadOnlyList<double> Runs, StoreQueryResult Result, int Shown);

    private sealed record LoadFigures(int Stores, TimeSpan Parse, TimeSpan Load, long Allocated, long Retained, long WorkingSet, long PeakWorkingSet, int Problems)
    {
        public double Rows(TimeSpan time) => Stores / time.TotalSeconds;
    }
}
