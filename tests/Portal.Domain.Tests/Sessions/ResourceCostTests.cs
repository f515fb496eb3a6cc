using Portal.Domain.Datasets;
using Portal.Domain.LaunchPlans;
using Portal.Domain.Regions;
using Portal.Domain.Sessions;

namespace Portal.Domain.Tests.Sessions;

/// <summary>Cost so far per resource: each step at its own rate, from the start of its creation until its deletion completed.</summary>
public sealed class ResourceCostTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);
    private static readonly SessionId Id = SessionId.Parse("s-abcdefgh12");

    /// <summary>Scheduler $0.50/h, each region's workers $2.00/h, the notebook $0.40/h.</summary>
    private static Session Launched()
    {
        var plan = new LaunchPlanner(RegionCatalog.Default, DatasetCatalog.Default, LaunchSettings.Default).Plan(Id, SampleRequests.FirstRun);
        var steps = plan.ToSteps(SessionTags.For(Id, "ada"), "portal.ipynb")
            .Select(s => s with { HourlyUsd = s.Kind switch { StepKind.Scheduler => 0.50m, StepKind.Notebook => 0.40m, _ => 2.00m } })
            .ToList();
        var launch = new SessionLaunch("ERA5 and CMIP6", null, plan.SchedulerAddress, 4.90m, TimeSpan.FromMinutes(20), true, steps);
        var session = Session.Create(Id, new Actor("ada", isAdmin: false), SampleRequests.FirstRun, launch, T0);
        session.BeginProvisioning(T0);
        return session;
    }

    [Fact]
    public void Each_resource_costs_from_the_start_of_its_creation_until_its_deletion_completed()
    {
        var session = Launched();
        var scheduler = session.Steps.Single(s => s.Kind == StepKind.Scheduler).ResourceName;
        var workers = session.Steps.Where(s => s.Kind == StepKind.Workers).Select(s => s.ResourceName).ToList();
        session.StartStep(scheduler, T0);
        session.StartStep(workers[0], T0.AddHours(1));

        // 2 h of the scheduler ($1.00) and 1 h of one region's workers ($2.00); nothing else started.
        Assert.Equal(1.00m, session.Step(scheduler).CostSoFarUsd(T0.AddHours(2)));
        Assert.Equal(2.00m, session.Step(workers[0]).CostSoFarUsd(T0.AddHours(2)));
        Assert.Equal(3.00m, session.CostSoFarUsd(T0.AddHours(2)));
    }

    [Fact]
    public void A_deleted_resource_stops_costing_while_the_others_go_on()
    {
        var session = Launched();
        foreach (var step in session.Steps)
        {
            session.StartStep(step.ResourceName, T0);
        }

        var workers = session.Steps.First(s => s.Kind == StepKind.Workers).ResourceName;
        foreach (var step in session.Steps.Where(s => s.ResourceName != workers))
        {
            session.CompleteStep(step.ResourceName, T0.AddHours(1));
        }

        session.FailStep(workers, "boom", T0.AddHours(1));
        session.BeginCleanUp();
        session.MarkStepDeleted(workers, T0.AddHours(2));

        // The failed stack cost $2.00/h for the 2 h until its deletion completed, and nothing after; the rest still
        // exist (being deleted) and cost on.
        Assert.Equal(4.00m, session.Step(workers).CostSoFarUsd(T0.AddHours(10)));
        Assert.Equal(4.00m, session.Step(workers).CostSoFarUsd(T0.AddHours(20)));
        var scheduler = session.Steps.Single(s => s.Kind == StepKind.Scheduler).ResourceName;
        Assert.Equal(5.00m, session.Step(scheduler).CostSoFarUsd(T0.AddHours(10)));
    }

    [Fact]
    public void A_retried_resource_keeps_what_its_earlier_attempt_cost()
    {
        var session = Launched();
        foreach (var step in session.Steps)
        {
            session.StartStep(step.ResourceName, T0);
        }

        foreach (var step in session.Steps)
        {
            session.FailStep(step.ResourceName, "boom", T0.AddHours(1));
        }

        session.BeginCleanUp();
        foreach (var step in session.Steps)
        {
            session.MarkStepDeleted(step.ResourceName, T0.AddHours(1));
        }

        session.MarkCleanedUp(T0.AddHours(1));
        var before = session.CostSoFarUsd(T0.AddHours(3));
        Assert.Equal(0.50m + (2 * 2.00m) + 0.40m, before);

        session.Retry(T0.AddHours(3));
        var scheduler = session.Steps.Single(s => s.Kind == StepKind.Scheduler).ResourceName;
        session.StartStep(scheduler, T0.AddHours(3));

        // The first hour of everything, and the new scheduler's half hour.
        Assert.Equal(0.50m, session.Step(scheduler).AccruedUsd);
        Assert.Equal(before + 0.25m, session.CostSoFarUsd(T0.AddHours(3.5)));
    }

    [Fact]
    public void A_session_across_a_month_boundary_splits_by_each_resources_own_interval()
    {
        var session = Launched();
        var scheduler = session.Steps.Single(s => s.Kind == StepKind.Scheduler).ResourceName;
        var start = new DateTimeOffset(2026, 11, 30, 22, 0, 0, TimeSpan.Zero);
        var december = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);
        session.StartStep(scheduler, start);
        session.CompleteStep(scheduler, start);

        // $0.50/h: 2 h in November, 3 h in December as of 03:00.
        var now = december.AddHours(3);
        Assert.Equal(1.00m, session.CostWithinUsd(december.AddMonths(-1), december, now));
        Assert.Equal(1.50m, session.CostWithinUsd(december, december.AddMonths(1), now));
        Assert.Equal(session.CostSoFarUsd(now), session.CostWithinUsd(december.AddMonths(-1), december, now) + session.CostWithinUsd(december, december.AddMonths(1), now));
    }
}
