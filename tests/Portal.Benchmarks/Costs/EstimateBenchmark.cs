using System.Diagnostics;
using System.Globalization;
using System.Text;
using Portal.Domain.Costs;
using Portal.Domain.LaunchPlans;
using Portal.Domain.Regions;

namespace Portal.Benchmarks.Costs;

/// <summary>
/// Issue 11: recomputing the estimate of a 5-region plan (what the explore page does on every change of the form),
/// with foundations and the copy-home comparison, against a baseline in the same run: the same estimate for one region
/// without the comparison. Goal: under 0.1 ms per recompute.
/// </summary>
internal static class EstimateBenchmark
{
    private const double GoalMilliseconds = 0.1;
    private const int Warmup = 20_000;
    private const int Samples = 200;
    private const int CallsPerSample = 500;

    private static readonly string[] WorkerRegions = ["us-east-1", "us-west-2", "eu-central-1", "ap-southeast-2", "sa-east-1"];

    public static async Task<int> RunAsync(string output, CancellationToken cancellationToken)
    {
        var home = RegionCode.Parse("eu-west-2");
        var regions = new RegionCatalog(
            new[] { home }.Concat(WorkerRegions.Select(RegionCode.Parse)).Select((code, i) => new Region(
                code, AwsRegions.Find(code)!.Name, AwsRegions.Find(code)!.Location, i == 0 ? RegionRole.Home : RegionRole.Worker,
                Cidr.Parse(string.Create(CultureInfo.InvariantCulture, $"10.{i}.0.0/16")))));
        var estimator = new CostEstimator(regions, LaunchSettings.Default);
        var prices = PriceBookFor(regions);
        var workers = regions.Workers.Select(r => r.Code).ToList();
        var data = new DataToRead([.. workers.Select((r, i) => new DataPart($"dataset {i}", r, (i + 1) * 100_000_000_000L, VolumeBasis.Computed, "benchmark"))]);

        // Every call varies the worker count, as typing in "Workers per region" does.
        var five = Measure(n => estimator.Estimate(prices, workers, 1 + (n % 50), "m5d.4xlarge", 8, data), cancellationToken);
        var baseline = Measure(n => estimator.Estimate(prices, [workers[0]], 1 + (n % 50), "m5d.4xlarge", 8), cancellationToken);

        var report = Report(five, baseline, DateTimeOffset.UtcNow);
        Directory.CreateDirectory(Path.GetDirectoryName(output)!);
        await File.WriteAllTextAsync(output, report, cancellationToken);
        Console.WriteLine(report);
        Console.WriteLine($"Results written to {output}");
        return 0;
    }

    private sealed record Measurement(double P50, double P95, double Mean, double AllocatedBytesPerCall, decimal Check);

    private static Measurement Measure(Func<int, CostEstimate> estimate, CancellationToken cancellationToken)
    {
        var check = 0m;
        for (var n = 0; n < Warmup; n++)
        {
            check += estimate(n).TotalUsd;
        }

        var perCall = new double[Samples];
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        for (var sample = 0; sample < Samples; sample++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var watch = Stopwatch.StartNew();
            for (var n = 0; n < CallsPerSample; n++)
            {
                // Read every figure the panel shows, so nothing lazy goes unmeasured.
                var e = estimate(n);
                check += e.TotalUsd + e.FoundationShareUsd + (e.CopyHome?.SavingUsd ?? 0m) + (e.CopyHome?.BreakEvenHours ?? 0m);
            }

            perCall[sample] = watch.Elapsed.TotalMilliseconds / CallsPerSample;
        }

        var allocated = (GC.GetAllocatedBytesForCurrentThread() - allocatedBefore) / (double)(Samples * CallsPerSample);
        Array.Sort(perCall);
        return new Measurement(perCall[Samples / 2], perCall[(int)(Samples * 0.95)], perCall.Average(), allocated, check);
    }

    /// <summary>Every price the estimate looks up, in every region (the figures need not be real; their number is).</summary>
    private static PriceBook PriceBookFor(RegionCatalog regions)
    {
        var prices = new List<UnitPrice>();
        foreach (var region in regions.All.Select(r => r.Code))
        {
            prices.Add(new(region, PriceSku.Ec2Instance("m5d.4xlarge"), 0.904m, "instance-hour", "benchmark", true));
            prices.Add(new(region, PriceSku.FargateVcpuHour, 0.04048m, "vCPU-hour", "benchmark", true));
            prices.Add(new(region, PriceSku.FargateGbHour, 0.004445m, "GB-hour", "benchmark", true));
            prices.Add(new(region, PriceSku.NotebookInstance(LaunchSettings.Default.NotebookInstanceType), 0.399m, "instance-hour", "benchmark", true));
            prices.Add(new(region, PriceSku.FsxLustrePersistent2GbMonth(FoundationShape.FsxThroughputPerTib), 0.145m, "GB-month", "benchmark", true));
            prices.Add(new(region, PriceSku.NatGatewayHour, 0.045m, "hour", "benchmark", true));
            prices.Add(new(region, PriceSku.TransitGatewayAttachmentHour, 0.05m, "attachment-hour", "benchmark", true));
            prices.Add(new(region, PriceSku.S3StandardGbMonth, 0.023m, "GB-month", "benchmark", true));
            prices.Add(new(region, PriceSku.InterRegionTransferGb, 0.02m, "GB", "benchmark", true));
        }

        return new PriceBook(new DateOnly(2026, 12, 7), "Benchmark prices", prices);
    }

    private static string Report(Measurement five, Measurement baseline, DateTimeOffset date)
    {
        var met = five.P95 < GoalMilliseconds;
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"# Estimate recompute ({date:yyyy-MM-dd HH:mm} UTC)");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"{Environment.ProcessorCount} logical CPUs, .NET {Environment.Version}. {Samples} samples of {CallsPerSample} recomputes each, after {Warmup:N0} warm-up calls.");
        text.AppendLine();
        text.AppendLine("| Plan | p50 per recompute | p95 | mean | allocated per recompute |");
        text.AppendLine("|---|---:|---:|---:|---:|");
        text.AppendLine(CultureInfo.InvariantCulture, $"| 5 worker regions, foundations, copy-home comparison | {five.P50 * 1000:0.0} µs | {five.P95 * 1000:0.0} µs | {five.Mean * 1000:0.0} µs | {five.AllocatedBytesPerCall:N0} B |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| Baseline: 1 worker region, no comparison | {baseline.P50 * 1000:0.0} µs | {baseline.P95 * 1000:0.0} µs | {baseline.Mean * 1000:0.0} µs | {baseline.AllocatedBytesPerCall:N0} B |");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Ratio to the baseline (p50): {five.P50 / baseline.P50:0.0}x.");
        text.AppendLine(CultureInfo.InvariantCulture, $"Goal: p95 under {GoalMilliseconds * 1000:0} µs per recompute of the 5-region plan. Goal met: {(met ? "yes" : "no")}.");
        return text.ToString();
    }
}
