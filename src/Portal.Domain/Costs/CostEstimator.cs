using System.Globalization;
using Portal.Domain.LaunchPlans;
using Portal.Domain.Regions;

namespace Portal.Domain.Costs;

/// <summary>Prices a session from its pools and lifetime. Works on partial input so the form can show a figure while it is being filled.</summary>
public sealed class CostEstimator(RegionCatalog regions, LaunchSettings settings)
{
    /// <param name="workerRegions">The regions that get a worker pool.</param>
    public CostEstimate Estimate(
        PriceBook prices,
        IEnumerable<RegionCode> workerRegions,
        int workersPerRegion,
        string workerSize,
        int hours)
    {
        ArgumentNullException.ThrowIfNull(prices);
        var home = regions.Home.Code;
        var workers = Math.Max(0, workersPerRegion);
        var regionsWithWorkers = workerRegions.Distinct().OrderBy(r => r.Value, StringComparer.Ordinal).ToList();
        var scheduler = SchedulerSize.For(workers * regionsWithWorkers.Count, settings);
        var result = new List<RegionCost>
        {
            new(home, RegionRole.Home,
            [
                Line(prices, home, PriceSku.FargateVcpuHour, string.Create(CultureInfo.InvariantCulture, $"Dask scheduler, {scheduler.Vcpu:0.##} vCPU (Fargate)"), (decimal)scheduler.Vcpu, "vCPU-hour"),
                Line(prices, home, PriceSku.FargateGbHour, string.Create(CultureInfo.InvariantCulture, $"Dask scheduler, {scheduler.MemoryGb:0.##} GB (Fargate)"), (decimal)scheduler.MemoryGb, "GB-hour"),
                Line(prices, home, PriceSku.NotebookInstance(settings.NotebookInstanceType), $"Notebook, {settings.NotebookInstanceType}", 1, "instance-hour"),
            ]),
        };

        foreach (var region in regionsWithWorkers)
        {
            result.Add(new RegionCost(region, RegionRole.Worker,
            [
                Line(prices, region, PriceSku.Ec2Instance(workerSize), string.Create(CultureInfo.InvariantCulture, $"{workers} × {workerSize} Dask workers"), workers, "instance-hour"),
                Line(prices, region, PriceSku.TransitGatewayAttachmentHour, "Transit Gateway attachment", 1, "attachment-hour"),
            ]));
        }

        return new CostEstimate(result, Math.Max(0, hours), prices.AsOf, prices.Name);
    }

    private static CostLine Line(PriceBook prices, RegionCode region, string sku, string item, decimal quantity, string unit)
    {
        var price = prices.Find(region, sku);
        return new CostLine(item, quantity, unit, price?.Usd, price?.Verified ?? false);
    }
}
