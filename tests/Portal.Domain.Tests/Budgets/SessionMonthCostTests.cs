using Portal.Domain.Budgets;
using Portal.Domain.Sessions;
using Portal.Domain.Tests.Sessions;

namespace Portal.Domain.Tests.Budgets;

public sealed class SessionMonthCostTests
{
    private static readonly DateTimeOffset AprilEvening = new(2026, 4, 30, 22, 0, 0, TimeSpan.Zero);
    private static readonly BudgetMonth April = new(2026, 4);
    private static readonly BudgetMonth May = new(2026, 5);

    private static Session NewSession(DateTimeOffset at, decimal hourly = 10m)
    {
        var id = SessionId.Parse("s-abcdefgh12");
        return Session.Create(id, new Actor("local:ada", "ada", isAdmin: false, ["team-x"]), SampleRequests.FirstRun, SessionTests.Launch(id, hourly), at);
    }

    [Fact]
    public void A_session_running_across_a_month_boundary_splits_its_cost_between_the_months()
    {
        var session = NewSession(AprilEvening);
        session.BeginProvisioning(AprilEvening);
        var now = AprilEvening.AddHours(5);   // 1 May, 03:00

        // 2 hours in April, 3 in May, at 10.00 an hour.
        Assert.Equal(20m, session.CostWithinUsd(April.Start, April.End, now));
        Assert.Equal(30m, session.CostWithinUsd(May.Start, May.End, now));
        Assert.Equal(session.CostSoFarUsd(now), session.CostWithinUsd(April.Start, April.End, now) + session.CostWithinUsd(May.Start, May.End, now));
        Assert.Equal(0m, session.CostWithinUsd(new BudgetMonth(2026, 3).Start, April.Start, now));
    }

    [Fact]
    public void A_session_that_never_started_provisioning_cost_nothing_and_the_owners_groups_are_kept()
    {
        var session = NewSession(AprilEvening);

        Assert.Equal(0m, session.CostWithinUsd(April.Start, April.End, AprilEvening.AddHours(1)));
        Assert.Equal(["team-x"], session.OwnerGroups);
    }

    [Fact]
    public void Earlier_attempts_of_a_retried_session_are_spread_from_the_first_provisioning_to_the_retry()
    {
        var start = AprilEvening.AddHours(-2);   // 30 April, 20:00
        var session = NewSession(start);
        session.BeginProvisioning(start);
        var steps = session.Steps.Select(s => s.ResourceName).ToList();
        steps.ForEach(s => session.StartStep(s, start));
        var failed = start.AddHours(1);
        session.FailStep(steps[0], "boom", failed);
        steps.Skip(1).ToList().ForEach(s => session.CompleteStep(s, failed));
        session.BeginCleanUp();
        steps.ForEach(s => session.MarkStepDeleted(s, failed));
        session.MarkCleanedUp(failed);
        var retried = new DateTimeOffset(2026, 5, 1, 1, 0, 0, TimeSpan.Zero);
        session.Retry(retried);
        var now = retried.AddHours(1);

        // The first attempt cost 10.00 (one hour), spread over 20:00 to 01:00: 4/5 in April, 1/5 in May; then one hour in May.
        Assert.Equal(20m, session.CostSoFarUsd(now));
        Assert.Equal(8m, session.CostWithinUsd(April.Start, April.End, now));
        Assert.Equal(12m, session.CostWithinUsd(May.Start, May.End, now));
    }
}
