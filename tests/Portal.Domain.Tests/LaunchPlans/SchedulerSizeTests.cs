using Portal.Domain.Costs;
using Portal.Domain.Datasets;
using Portal.Domain.LaunchPlans;
using Portal.Domain.Regions;
using Portal.Domain.Sessions;

namespace Portal.Domain.Tests.LaunchPlans;

public sealed class SchedulerSizeTests
{
    [Theory]
    [InlineData(2, 1024, 4096)]
    [InlineData(10, 1024, 4096)]
    [InlineData(11, 2048, 8192)]
    [InlineData(50, 4096, 16384)]
    [InlineData(100, 8192, 32768)]
    [InlineData(101, 16384, 32768)]
    public void The_scheduler_grows_with_the_workers_it_coordinates(int totalWorkers, int cpu, int memory) =>
        Assert.Equal(new SchedulerSize(cpu, memory), SchedulerSize.For(totalWorkers, LaunchSettings.Default));

    [Fact]
    public void Never_below_the_configured_size()
    {
        var configured = LaunchSettings.Default with { SchedulerCpu = 4096, SchedulerMemory = 30720 };

        Assert.Equal(new SchedulerSize(4096, 30720), SchedulerSize.For(2, configured));
    }

    [Fact]
    public void Two_pools_of_fifty_workers_get_an_eight_vcpu_scheduler_in_the_plan_and_the_estimate()
    {
        var request = SampleRequests.FirstRun with { WorkersPerRegion = 50 };
        var plan = new LaunchPlanner(RegionCatalog.Default, DatasetCatalog.Default, LaunchSettings.Default).Plan(SessionId.New(), request);

        var scheduler = plan.Stacks.Single(s => s.Kind == StepKind.Scheduler);
        Assert.Equal("8192", scheduler.Parameters[SessionStackParameters.Cpu]);
        Assert.Equal("32768", scheduler.Parameters[SessionStackParameters.Memory]);

        var prices = new PriceBook(new DateOnly(2026, 5, 8), "test", []);
        var estimate = new CostEstimator(RegionCatalog.Default, LaunchSettings.Default)
            .Estimate(prices, plan.Pools.Select(p => p.Region), request.WorkersPerRegion, request.WorkerSize, request.MaximumHours);
        var home = estimate.Regions.Single(r => r.Role == RegionRole.Home);
        Assert.Contains(home.Lines, l => l.Item == "Dask scheduler, 8 vCPU (Fargate)" && l.Quantity == 8m);
        Assert.Contains(home.Lines, l => l.Item == "Dask scheduler, 32 GB (Fargate)" && l.Quantity == 32m);
    }
}
