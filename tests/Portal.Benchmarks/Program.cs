using Portal.Benchmarks;
using Portal.Benchmarks.Catalogue;

// Launch to Ready in the sandbox, against the longest single step: once with the default poll interval, once at 100 ms.
var arguments = BenchmarkArguments.Parse(args, out var problem);
if (arguments is null)
{
    await Console.Error.WriteLineAsync(problem);
    return 2;
}

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

if (arguments.CatalogueRows is { } catalogueRows)
{
    // Issue 10: the store catalogue's load and facet queries against pandas.
    var catalogueOutput = Path.Combine(RepositoryRoot.Find(), "artifacts", "benchmarks", "catalogue.md");
    Directory.CreateDirectory(Path.GetDirectoryName(catalogueOutput)!);
    return await CatalogueBenchmark.RunAsync(catalogueRows, catalogueOutput, cancel.Token);
}

if (arguments.Estimate)
{
    // Issue 11: the estimate of a 5-region plan, recomputed as the form changes.
    var estimateOutput = Path.Combine(RepositoryRoot.Find(), "artifacts", "benchmarks", "estimate.md");
    return await Portal.Benchmarks.Costs.EstimateBenchmark.RunAsync(estimateOutput, cancel.Token);
}

if (arguments.RealCompute)
{
    // Issue 9: real processes (Debian's Python stack), three runs one after another.
    var realDate = DateTimeOffset.UtcNow;
    var realRuns = new List<RealComputeResult>();
    for (var run = 1; run <= 3; run++)
    {
        Console.WriteLine($"Real compute, run {run} of 3...");
        realRuns.Add(await RealComputeRun.RunAsync(run, cancel.Token));
    }

    var realReport = RealComputeRun.Report(realRuns, realDate);
    var realOutput = Path.Combine(RepositoryRoot.Find(), "artifacts", "benchmarks", "real-compute.md");
    Directory.CreateDirectory(Path.GetDirectoryName(realOutput)!);
    await File.WriteAllTextAsync(realOutput, realReport, cancel.Token);
    Console.WriteLine(realReport);
    Console.WriteLine($"Results written to {realOutput}");
    return realRuns.All(r => r.Succeeded) ? 0 : 1;
}

var timeout = TimeSpan.FromSeconds(120);
RunSettings[] plan =
[
    new("Default", arguments.Sessions, PollInterval: null, timeout),
    new("Fast poll", arguments.Sessions, PollInterval: TimeSpan.FromMilliseconds(100), timeout),
];

// Not measured: one session in its own host first, so the first run does not alone pay for JIT and EF's model.
Console.WriteLine("Warming up with 1 session...");
_ = await LaunchToReadyRun.RunAsync(new("Warm-up", 1, TimeSpan.FromMilliseconds(100), timeout), cancel.Token);

var date = DateTimeOffset.UtcNow;
var runs = new List<RunResult>();
foreach (var settings in plan)
{
    Console.WriteLine($"Running '{settings.Label}' with {settings.Sessions} sessions...");
    runs.Add(await LaunchToReadyRun.RunAsync(settings, cancel.Token));
}

var report = MarkdownReport.Write(runs, arguments.Sessions, date);
var output = Path.Combine(RepositoryRoot.Find(), "artifacts", "benchmarks", "launch-to-ready.md");
Directory.CreateDirectory(Path.GetDirectoryName(output)!);
await File.WriteAllTextAsync(output, report, cancel.Token);

Console.WriteLine();
Console.WriteLine(report);
Console.WriteLine($"Results written to {output}");

var unready = runs.Sum(r => r.Unready.Count);
if (unready > 0)
{
    await Console.Error.WriteLineAsync($"{unready} session(s) did not become ready; see the report.");
    return 1;
}

return 0;
