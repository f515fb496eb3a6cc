using Portal.Domain.Datasets;
using Portal.Domain.LaunchPlans;
using Portal.Domain.Regions;
using Portal.Domain.Sessions;

namespace Portal.Domain.Tests.LaunchPlans;

public sealed class LaunchPlannerTests
{
    private static readonly SessionId Id = SessionId.Parse("s-abcdefgh12");
    private readonly LaunchPlanner _planner = new(RegionCatalog.Default, DatasetCatalog.Default, LaunchSettings.Default);

    [Fact]
    public void Both_datasets_give_a_pool_in_each_data_region_and_a_scheduler_at_home()
    {
        var plan = _planner.Plan(Id, SampleRequests.FirstRun);

        Assert.Equal("eu-west-2", plan.HomeRegion.Value);
        Assert.Equal(["us-east-1", "us-west-2"], plan.Pools.Select(p => p.Region.Value));
        Assert.Equal(["pool-us-east-1", "pool-us-west-2"], plan.Pools.Select(p => p.PoolName));
        Assert.All(plan.Pools, p => Assert.Equal(2, p.Workers));
        Assert.Equal(
            ["portal-s-abcdefgh12-scheduler", "portal-s-abcdefgh12-workers-us-east-1", "portal-s-abcdefgh12-workers-us-west-2"],
            plan.Stacks.Select(s => s.StackName));
        Assert.Equal(StepKind.Scheduler, plan.Stacks[0].Kind);
        Assert.Equal("eu-west-2", plan.Stacks[0].Region.Value);
        Assert.Equal("eu-west-2", plan.Notebook.Region.Value);
        Assert.Equal("portal-s-abcdefgh12", plan.Notebook.InstanceName);
    }

    [Fact]
    public void Historical_era5_only_gives_one_pool_in_us_east_1()
    {
        var request = SampleRequests.FirstRun with { DataType = DataType.Historical, Datasets = [DatasetCatalog.Era5] };

        var plan = _planner.Plan(Id, request);

        var pool = Assert.Single(plan.Pools);
        Assert.Equal("us-east-1", pool.Region.Value);
        Assert.Equal(2, plan.Stacks.Count);
    }

    [Fact]
    public void Stacks_get_exactly_the_parameters_their_templates_declare()
    {
        var plan = _planner.Plan(Id, SampleRequests.FirstRun);

        foreach (var stack in plan.Stacks)
        {
            Assert.Equal(SessionStackParameters.ByTemplate[stack.Template].Order(), stack.Parameters.Keys.Order());
        }

        var workers = plan.Stacks.Single(s => s.Region.Value == "us-west-2");
        Assert.Equal("tcp://scheduler.s-abcdefgh12.portal.internal:8786", workers.Parameters[SessionStackParameters.SchedulerAddress]);
        Assert.Equal("pool-us-west-2", workers.Parameters[SessionStackParameters.PoolName]);
        Assert.Equal("2", workers.Parameters[SessionStackParameters.WorkerCount]);
        Assert.Equal("m5d.4xlarge", workers.Parameters[SessionStackParameters.WorkerSize]);
        Assert.Equal(plan.SchedulerAddress, workers.Parameters[SessionStackParameters.SchedulerAddress]);
    }

    [Fact]
    public void Refuses_to_plan_a_dataset_outside_the_catalogue()
    {
        // The request is validated once, at launch; the planner still refuses what it cannot place.
        Assert.ThrowsAny<Exception>(() => _planner.Plan(Id, SampleRequests.FirstRun with { Datasets = [DatasetId.Parse("not-in-catalogue")] }));
    }

    [Fact]
    public void Stack_names_are_valid_cloudformation_names_under_the_portal_prefix()
    {
        var plan = _planner.Plan(SessionId.New(), SampleRequests.FirstRun);

        Assert.All(plan.Stacks, s =>
        {
            Assert.StartsWith("portal-", s.StackName, StringComparison.Ordinal);
            Assert.Matches("^[A-Za-z][A-Za-z0-9-]{0,127}$", s.StackName);
        });
    }
}
