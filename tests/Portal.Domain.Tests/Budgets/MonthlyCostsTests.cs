using Portal.Domain.Budgets;
using Portal.Domain.Sessions;
using Portal.Domain.Tests.Sessions;

namespace Portal.Domain.Tests.Budgets;

public sealed class MonthlyCostsTests
{
    private static readonly DateTimeOffset AprilEvening = new(2026, 4, 30, 22, 0, 0, TimeSpan.Zero);

    private static Session Running(string id, DateTimeOffset from, decimal hourly)
    {
        var sessionId = SessionId.Parse(id);
        var session = Session.Create(sessionId, new Actor("local:ada", "ada", isAdmin: false), SampleRequests.FirstRun, SessionTests.Launch(sessionId, hourly), from);
        session.BeginProvisioning(from);
        return session;
    }

    [Fact]
    public void Lists_each_month_newest_first_with_what_each_session_cost_in_it()
    {
        var acrossTheMonths = Running("s-abcdefgh12", AprilEvening, 10m);
        var sinceMarch = Running("s-abcdefgh13", new DateTimeOffset(2026, 3, 10, 9, 0, 0, TimeSpan.Zero), 1m);
        var now = AprilEvening.AddHours(5);   // 1 May, 03:00

        var months = MonthlyCosts.For([acrossTheMonths, sinceMarch], now, months: 4);

        Assert.Equal(["2026-05", "2026-04", "2026-03", "2026-02"], months.Select(m => m.Month.Key));
        // May: 3 h at $10.00 and 3 h at $1.00; April: 2 h at $10.00 and 720 h at $1.00; March: 21 days and 15 h at $1.00.
        Assert.Equal([33m, 740m, 519m, 0m], months.Select(m => m.TotalUsd));
        Assert.Equal([acrossTheMonths, sinceMarch], months[0].Sessions.Select(s => s.Session));
        Assert.Equal([sinceMarch, acrossTheMonths], months[1].Sessions.Select(s => s.Session));
        Assert.Same(sinceMarch, Assert.Single(months[2].Sessions).Session);
        Assert.Empty(months[3].Sessions);
        Assert.Equal(33m + 740m + 519m, acrossTheMonths.CostSoFarUsd(now) + sinceMarch.CostSoFarUsd(now));
    }
}
