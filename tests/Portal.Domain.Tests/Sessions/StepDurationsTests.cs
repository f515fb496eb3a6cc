using Portal.Domain.Regions;
using Portal.Domain.Sessions;

namespace Portal.Domain.Tests.Sessions;

/// <summary>Expected times come from earlier sessions' steps; a session's regions show how far they are against them.</summary>
public sealed class StepDurationsTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);
    private static readonly RegionCode London = RegionCode.Parse("eu-west-2");
    private static readonly RegionCode Virginia = RegionCode.Parse("us-east-1");
    private static readonly RegionCode Oregon = RegionCode.Parse("us-west-2");

    private static int _next;

    /// <summary>A session launched at <paramref name="start"/> whose steps were all created <paramref name="took"/> later, then made ready.</summary>
    private static Session ReadyAfter(TimeSpan took, DateTimeOffset start)
    {
        var id = SessionId.Parse($"s-testabc{Interlocked.Increment(ref _next):000}");
        var session = Session.Create(id, new Actor("ada", isAdmin: false), SampleRequests.FirstRun, SessionTests.Launch(id), start);
        session.BeginProvisioning(start);
        foreach (var step in session.Steps)
        {
            session.StartStep(step.ResourceName, start);
            session.CompleteStep(step.ResourceName, start + took);
        }

        session.MarkReady(start + took);
        return session;
    }

    private static Session Provisioning(DateTimeOffset start)
    {
        var id = SessionId.Parse($"s-testabc{Interlocked.Increment(ref _next):000}");
        var session = Session.Create(id, new Actor("ada", isAdmin: false), SampleRequests.FirstRun, SessionTests.Launch(id), start);
        session.BeginProvisioning(start);
        foreach (var step in session.Steps)
        {
            session.StartStep(step.ResourceName, start);
        }

        return session;
    }

    private static void StopAll(Session session, DateTimeOffset at)
    {
        session.RequestStop(at, "Stopped by ada");
        foreach (var step in session.Steps.Where(s => s.Status == StepStatus.Deleting))
        {
            session.MarkStepDeleted(step.ResourceName, at.AddMinutes(5));
        }
    }

    [Fact]
    public void Nothing_measured_means_no_expectation()
    {
        Assert.Null(StepDurations.None.For(StepKind.Workers, Virginia));
        Assert.Null(StepDurations.Learn([Provisioning(T0)]).For(StepKind.Workers, Virginia));
    }

    [Fact]
    public void The_expected_time_is_the_median_of_earlier_creations_of_that_kind_in_that_region()
    {
        var durations = StepDurations.Learn(
        [
            ReadyAfter(TimeSpan.FromMinutes(2), T0),
            ReadyAfter(TimeSpan.FromMinutes(3), T0.AddHours(1)),
            ReadyAfter(TimeSpan.FromMinutes(10), T0.AddHours(2)),
        ]);

        var workers = durations.For(StepKind.Workers, Virginia);
        Assert.Equal(new ExpectedDuration(TimeSpan.FromMinutes(3), 3), workers);
    }

    [Fact]
    public void A_stopped_session_still_teaches_how_long_its_steps_took_to_create()
    {
        var earlier = ReadyAfter(TimeSpan.FromMinutes(4), T0);
        StopAll(earlier, T0.AddHours(1));
        Assert.Equal(SessionState.Stopping, earlier.State);
        earlier.MarkStopped(T0.AddHours(1).AddMinutes(6));

        var step = earlier.Steps.First(s => s.Kind == StepKind.Scheduler);
        Assert.Equal(StepStatus.Deleted, step.Status);
        Assert.Equal(T0.AddMinutes(4), step.CompletedAt);
        Assert.Equal(TimeSpan.FromMinutes(4), StepDurations.Learn([earlier]).For(StepKind.Scheduler, London)?.Typical);
    }

    [Fact]
    public void A_session_cancelled_while_starting_teaches_nothing()
    {
        var cancelled = Provisioning(T0);
        StopAll(cancelled, T0.AddMinutes(1));

        Assert.Null(StepDurations.Learn([cancelled]).For(StepKind.Workers, Virginia));
    }

    [Fact]
    public void A_region_never_measured_expects_what_the_same_kind_takes_elsewhere()
    {
        var durations = StepDurations.Learn([ReadyAfter(TimeSpan.FromMinutes(5), T0)]);

        Assert.Equal(TimeSpan.FromMinutes(5), durations.For(StepKind.Workers, RegionCode.Parse("ap-southeast-2"))?.Typical);
    }

    [Fact]
    public void Only_the_most_recent_creations_count()
    {
        var old = Enumerable.Range(0, StepDurations.Sample).Select(i => ReadyAfter(TimeSpan.FromMinutes(30), T0.AddHours(i)));
        var recent = Enumerable.Range(0, StepDurations.Sample).Select(i => ReadyAfter(TimeSpan.FromMinutes(2), T0.AddDays(10).AddHours(i)));

        var expected = StepDurations.Learn([.. old, .. recent]).For(StepKind.Workers, Oregon);

        Assert.Equal(new ExpectedDuration(TimeSpan.FromMinutes(2), StepDurations.Sample), expected);
    }

    [Fact]
    public void A_starting_region_shows_the_share_of_its_expected_time_gone_by_and_what_is_left()
    {
        var durations = StepDurations.Learn([ReadyAfter(TimeSpan.FromMinutes(4), T0)]);
        var session = Provisioning(T0.AddDays(1));

        var progress = RegionProgress.Of(session, Virginia, durations, T0.AddDays(1).AddMinutes(1));

        Assert.Equal(RegionPhase.Starting, progress.Phase);
        Assert.Equal(0.25, progress.Fraction, 3);
        Assert.Equal(TimeSpan.FromMinutes(1), progress.Elapsed);
        Assert.Equal(TimeSpan.FromMinutes(3), progress.Remaining);
    }

    [Fact]
    public void A_region_slower_than_usual_never_looks_done_before_it_is()
    {
        var durations = StepDurations.Learn([ReadyAfter(TimeSpan.FromMinutes(2), T0)]);
        var session = Provisioning(T0.AddDays(1));

        var progress = RegionProgress.Of(session, Virginia, durations, T0.AddDays(1).AddMinutes(9));

        Assert.Equal(RegionProgress.MaxWhileStarting, progress.Fraction);
        Assert.Equal(TimeSpan.Zero, progress.Remaining);
    }

    [Fact]
    public void A_ready_region_is_full_and_says_how_long_it_took()
    {
        var session = ReadyAfter(TimeSpan.FromSeconds(133), T0);

        var progress = RegionProgress.Of(session, London, StepDurations.None, T0.AddHours(1));

        Assert.Equal((RegionPhase.Ready, 1d, TimeSpan.FromSeconds(133)), (progress.Phase, progress.Fraction, progress.Elapsed));
        Assert.Null(progress.Remaining);
    }

    [Fact]
    public void Without_earlier_sessions_a_starting_region_has_no_fraction_and_no_estimate()
    {
        var progress = RegionProgress.Of(Provisioning(T0), Virginia, StepDurations.None, T0.AddMinutes(1));

        Assert.Equal((RegionPhase.Starting, 0d), (progress.Phase, progress.Fraction));
        Assert.Null(progress.Expected);
        Assert.Null(progress.Remaining);
    }
}
