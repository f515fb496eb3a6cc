using System.Globalization;
using Portal.Domain.LaunchPlans;
using Portal.Domain.Regions;

namespace Portal.Domain.Costs;

/// <summary>
/// Prices a session from its pools and lifetime: per region per hour, the foundations it relies on per month, and,
/// given what it reads, the comparison with copying the data home. Every line is a quantity at a unit price.
/// </summary>
public sealed class CostEstimator(IRegionDirectory regions, LaunchSettings settings)
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <param name="workerRegions">The regions that get a worker pool.</param>
    /// <param name="data">What the analysis reads; null or empty for no copy-home comparison.</param>
    public CostEstimate Estimate(
        PriceBook prices,
        IEnumerable<RegionCode> workerRegions,
        int workersPerRegion,
        string workerSize,
        int hours,
        DataToRead? data = null)
    {
        ArgumentNullException.ThrowIfNull(prices);
        ArgumentNullException.ThrowIfNull(workerRegions);
        var home = regions.Current.Home.Code;
        var workers = Math.Max(0, workersPerRegion);
        hours = Math.Max(0, hours);
        var regionsWithWorkers = workerRegions.Distinct().OrderBy(r => r.Value, StringComparer.Ordinal).ToList();
        var homeLines = HomeLines(prices, home, workers * regionsWithWorkers.Count);
        var result = new List<RegionCost>(regionsWithWorkers.Count + 1) { new(home, RegionRole.Home, homeLines) };
        var foundations = new List<FoundationCost>(regionsWithWorkers.Count + 1) { FoundationOf(prices, home, RegionRole.Home) };
        foreach (var region in regionsWithWorkers)
        {
            result.Add(new RegionCost(region, RegionRole.Worker, [WorkerLine(prices, region, workers, workerSize)]));
            if (region != home)
            {
                foundations.Add(FoundationOf(prices, region, RegionRole.Worker));
            }
        }

        var estimate = new CostEstimate(result, hours, prices.AsOf, prices.Name) { Foundations = foundations };
        return data is { Parts.Count: > 0 }
            ? estimate with { CopyHome = CompareWithCopyHome(prices, estimate, home, homeLines, workers * regionsWithWorkers.Count, workerSize, data) }
            : estimate;
    }

    /// <summary>
    /// What <paramref name="region"/>'s foundation costs a month whether or not sessions run, by its role in the
    /// catalogue: the home foundation without a file system, a worker region's with its FSx for Lustre.
    /// </summary>
    /// <exception cref="DomainException">The region is not in the catalogue.</exception>
    public FoundationCost Foundation(PriceBook prices, RegionCode region)
    {
        ArgumentNullException.ThrowIfNull(prices);
        return FoundationOf(prices, region, regions.Current.Get(region).Role);
    }

    private static FoundationCost FoundationOf(PriceBook prices, RegionCode region, RegionRole role) =>
        new(region, role, FoundationLines(prices, region, withFileSystem: role == RegionRole.Worker));

    private List<CostLine> HomeLines(PriceBook prices, RegionCode home, int totalWorkers)
    {
        var scheduler = SchedulerSize.For(totalWorkers, settings);
        return
        [
            Line(prices, home, PriceSku.FargateVcpuHour, string.Create(Invariant, $"Dask scheduler, {scheduler.Vcpu:0.##} vCPU (Fargate)"), (decimal)scheduler.Vcpu, "vCPU-hour") with { Part = CostPart.Scheduler },
            Line(prices, home, PriceSku.FargateGbHour, string.Create(Invariant, $"Dask scheduler, {scheduler.MemoryGb:0.##} GB (Fargate)"), (decimal)scheduler.MemoryGb, "GB-hour") with { Part = CostPart.Scheduler },
            Line(prices, home, PriceSku.NotebookInstance(settings.NotebookInstanceType), $"Notebook, {settings.NotebookInstanceType}", 1, "instance-hour") with { Part = CostPart.Notebook },
        ];
    }

    private static CostLine WorkerLine(PriceBook prices, RegionCode region, int workers, string workerSize) =>
        Line(prices, region, PriceSku.Ec2Instance(workerSize), string.Create(Invariant, $"{workers} × {workerSize} Dask workers"), workers, "instance-hour") with { Part = CostPart.Workers };

    /// <summary>A month of what the foundation keeps running (see <see cref="FoundationShape"/>).</summary>
    private static List<CostLine> FoundationLines(PriceBook prices, RegionCode region, bool withFileSystem)
    {
        var lines = new List<CostLine>(3);
        if (withFileSystem)
        {
            lines.Add(Line(prices, region, PriceSku.FsxLustrePersistent2GbMonth(FoundationShape.FsxThroughputPerTib),
                string.Create(Invariant, $"FSx for Lustre, {FoundationShape.FsxStorageGiB:N0} GiB PERSISTENT_2 at {FoundationShape.FsxThroughputPerTib} MB/s/TiB"),
                FoundationShape.FsxStorageGiB, "GB-month"));
        }

        lines.Add(Line(prices, region, PriceSku.NatGatewayHour, "NAT gateway", FoundationShape.NatGateways * FoundationShape.HoursPerMonth, "hour"));
        lines.Add(Line(prices, region, PriceSku.TransitGatewayAttachmentHour, "Transit Gateway attachment",
            FoundationShape.TransitGatewayAttachments * FoundationShape.HoursPerMonth, "attachment-hour"));
        return lines;
    }

    private static CopyHomeComparison CompareWithCopyHome(
        PriceBook prices, CostEstimate estimate, RegionCode home, List<CostLine> homeLines, int totalWorkers, string workerSize, DataToRead data)
    {
        var hours = estimate.Hours;
        var nextToData = new List<CostLine> { new(string.Create(Invariant, $"Session compute next to the data, {hours} h"), hours, CopyAssumptions.HourUnit, estimate.HourlyUsd, Verified: true) };
        var copyHome = new List<CostLine>();
        var moved = 0m;
        foreach (var (region, bytes) in data.ByRegion().OrderBy(p => p.Key.Value, StringComparer.Ordinal))
        {
            if (region == home)
            {
                continue;
            }

            var gb = bytes / CopyAssumptions.BytesPerGb;
            moved += gb;
            var transfer = prices.FindTransfer(region, home);
            copyHome.Add(new CostLine(string.Create(Invariant, $"Copy {Gb(gb)} from {region} to {home}"), Gb2(gb), "GB", transfer?.Usd, transfer?.Verified ?? false));
            var results = gb * CopyAssumptions.ResultsShare;
            nextToData.Add(new CostLine(string.Create(Invariant, $"Results from {region} to {home} ({CopyAssumptions.ResultsShare:P0} of {Gb(gb)})"), Gb2(results), "GB", transfer?.Usd, transfer?.Verified ?? false));
        }

        var storage = prices.Find(home, PriceSku.S3StandardGbMonth);
        copyHome.Add(new CostLine(string.Create(Invariant, $"Keep the {Gb(moved)} copy in S3 Standard in {home} for {CopyAssumptions.MonthsKept:0.#} month"),
            Gb2(moved * CopyAssumptions.MonthsKept), "GB-month", storage?.Usd, storage?.Verified ?? false));

        var homeWorker = prices.Find(home, PriceSku.Ec2Instance(workerSize));
        var homeHourly = homeLines.Sum(l => l.AmountUsd) + (homeWorker is null ? 0m : homeWorker.Usd * totalWorkers);
        var homeComplete = homeWorker is not null && homeLines.All(l => l.IsPriced);
        copyHome.Add(new CostLine(string.Create(Invariant, $"The same {totalWorkers} × {workerSize} workers in {home}, {hours} h"), hours, CopyAssumptions.HourUnit,
            homeComplete ? homeHourly : null, homeWorker?.Verified ?? false));

        var copySeconds = (double)(moved * CopyAssumptions.BytesPerGb) / CopyAssumptions.CopyBytesPerSecond;
        return new CopyHomeComparison(data, home, hours, nextToData, copyHome, estimate.HourlyUsd, homeHourly, TimeSpan.FromSeconds(Math.Ceiling(copySeconds)));
    }

    private static decimal Gb2(decimal gb) => decimal.Round(gb, 3, MidpointRounding.AwayFromZero);

    private static string Gb(decimal gb) => gb >= 1000m ? string.Create(Invariant, $"{gb / 1000m:N1} TB") : string.Create(Invariant, $"{gb:N1} GB");


    private static CostLine Line(PriceBook prices, RegionCode region, string sku, string item, decimal quantity, string unit)
    {
        var price = prices.Find(region, sku);
        return new CostLine(item, quantity, unit, price?.Usd, price?.Verified ?? false);
    }
}
