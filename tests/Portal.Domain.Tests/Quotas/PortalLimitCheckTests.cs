using Portal.Domain.Datasets;
using Portal.Domain.LaunchPlans;
using Portal.Domain.Quotas;
using Portal.Domain.Regions;
using Portal.Domain.Sessions;
using Portal.Domain.Tests.Sessions;

namespace Portal.Domain.Tests.Quotas;

/// <summary>The sample launch (FirstRun) plans 2 workers in us-east-1 and 2 in us-west-2, for 4 hours.</summary>
public sealed class PortalLimitCheckTests
{
    private static readonly DateTimeOffset T0 = new(2026, 5, 4, 9, 0, 0, TimeSpan.Zero);
    private static readonly Actor Ada = new("local:ada", "ada", isAdmin: false, ["Team X"]);
    private static readonly LaunchPlan Plan =
        new LaunchPlanner(RegionCatalog.Default, DatasetCatalog.Default, LaunchSettings.Default).Plan(SessionId.Parse("s-newaaaaaa1"), SampleRequests.FirstRun);

    private static Session Running(string id)
    {
        var sessionId = SessionId.Parse(id);
        return Session.Create(sessionId, Ada, SampleRequests.FirstRun, SessionTests.Launch(sessionId), T0);
    }

    private static EffectiveLimits Limits(PortalLimits limits) => EffectiveLimits.For(Ada.Id, Ada.Groups, [limits]);

    [Fact]
    public void Refuses_a_session_over_the_concurrent_limit_naming_the_limit_and_its_group()
    {
        var limits = Limits(PortalLimits.Create(LimitScope.Group("Team X"), maxConcurrentSessions: 2));

        var refusals = PortalLimitCheck.ForLaunch(limits, Plan, 4, [Running("s-rnnnnnnn01"), Running("s-rnnnnnnn02")]);

        Assert.Equal(
            "You may run at most 2 sessions at once (limit for group 'Team X'); you have 2 running. Stop one, or ask an admin to raise the limit.",
            Assert.Single(refusals));
    }

    [Fact]
    public void Stopped_sessions_do_not_count_towards_the_concurrent_limit()
    {
        var stopped = Running("s-stpppppp01");
        stopped.RequestStop(T0, "done");
        foreach (var step in stopped.Steps)
        {
            stopped.MarkStepDeleted(step.ResourceName, T0);
        }

        stopped.MarkStopped(T0);

        Assert.Empty(PortalLimitCheck.ForLaunch(Limits(PortalLimits.Create(LimitScope.Everyone, maxConcurrentSessions: 1)), Plan, 4, [stopped]));
    }

    [Fact]
    public void Refuses_more_workers_per_session_than_allowed()
    {
        var refusal = Assert.Single(PortalLimitCheck.ForLaunch(Limits(PortalLimits.Create(LimitScope.Everyone, maxWorkersPerSession: 3)), Plan, 4, []));

        Assert.StartsWith("A session may have at most 3 workers (default limit); this launch asks for 4 (2 regions).", refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_workers_in_a_region_counting_the_users_running_sessions_there()
    {
        var limits = Limits(PortalLimits.Create(LimitScope.User(Ada.Id), maxWorkersPerRegion: 3));

        var alone = PortalLimitCheck.ForLaunch(limits, Plan, 4, []);
        var withOne = PortalLimitCheck.ForLaunch(limits, Plan, 4, [Running("s-rnnnnnnn01")]);

        Assert.Empty(alone);
        Assert.Equal(2, withOne.Count);
        Assert.StartsWith("You may run at most 3 workers in us-east-1 (your own limit); you have 2 running there and this launch adds 2.", withOne[0], StringComparison.Ordinal);
        Assert.Contains("us-west-2", withOne[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_a_lifetime_over_the_maximum()
    {
        var refusal = Assert.Single(PortalLimitCheck.ForLaunch(Limits(PortalLimits.Create(LimitScope.Everyone, maxLifetimeHours: 3)), Plan, 4, []));

        Assert.StartsWith("A session may live at most 3 hours (default limit); this launch asks for 4.", refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void A_launch_exactly_at_every_limit_passes()
    {
        // One running session (2 workers in each region) and this launch: 2 sessions, 4 workers per session and per region, 4 hours.
        var limits = Limits(PortalLimits.Create(LimitScope.Everyone, maxConcurrentSessions: 2, maxWorkersPerSession: 4, maxWorkersPerRegion: 4, maxLifetimeHours: 4));

        Assert.Empty(PortalLimitCheck.ForLaunch(limits, Plan, 4, [Running("s-rnnnnnnn01")]));
    }
}
