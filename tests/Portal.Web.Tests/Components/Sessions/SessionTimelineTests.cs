using Bunit;
using Microsoft.Extensions.Time.Testing;
using Portal.Domain.Datasets;
using Portal.Domain.LaunchPlans;
using Portal.Domain.Regions;
using Portal.Domain.Sessions;
using Portal.Web.Components.Sessions;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Components.Sessions;

/// <summary>The session as Dask: pools, scheduler and notebook, progress against earlier sessions, the cloud's words behind Details.</summary>
public sealed class SessionTimelineTests : PortalTestContext
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);
    private static readonly RegionCode London = RegionCode.Parse("eu-west-2");
    private static readonly RegionCode Virginia = RegionCode.Parse("us-east-1");

    public SessionTimelineTests()
        : base(context => context.Services.AddPortalPageServices(new FakeTimeProvider(T0)))
    {
    }

    private static Session Starting(DateTimeOffset at)
    {
        var id = SessionId.New();
        var request = SampleRequests.FirstRun;
        var plan = new LaunchPlanner(RegionCatalog.Default, DatasetCatalog.Default, LaunchSettings.Default).Plan(id, request);
        var session = Session.Create(id, new Actor("local:ada", "ada", isAdmin: false), request, SessionLaunching.For(plan, request, 4m), at);
        session.BeginProvisioning(at);
        foreach (var step in session.Steps)
        {
            session.StartStep(step.ResourceName, at);
        }

        return session;
    }

    private static Session ReadyAfter(TimeSpan took, DateTimeOffset at)
    {
        var session = Starting(at);
        foreach (var step in session.Steps)
        {
            session.CompleteStep(step.ResourceName, at + took);
        }

        session.MarkReady(at + took);
        return session;
    }

    private IRenderedComponent<SessionTimeline> RenderTimeline(
        Session session, DateTimeOffset now, StepDurations? durations = null, DataLocality? locality = null, IReadOnlyList<SessionEvent>? events = null) =>
        Render<SessionTimeline>(p => p
            .Add(x => x.Session, session)
            .Add(x => x.Events, events ?? [])
            .Add(x => x.HomeRegion, London)
            .Add(x => x.Durations, durations ?? StepDurations.None)
            .Add(x => x.Locality, locality)
            .Add(x => x.Now, now));

    private static string Text(IRenderedComponent<SessionTimeline> cut, string testId) => cut.Find($"[data-testid={testId}]").TextContent.Trim();

    [Fact]
    public void Each_pool_says_how_many_workers_were_requested_and_that_joined_ones_come_with_the_notebook()
    {
        var cut = RenderTimeline(Starting(T0), T0);

        Assert.Contains("2 requested (m5d.4xlarge)", Text(cut, "pool-workers-us-east-1"), StringComparison.Ordinal);
        Assert.Contains("joined: reported once the notebook runs", Text(cut, "pool-joined-us-east-1"), StringComparison.Ordinal);
        Assert.Contains("ERA5 reanalysis", cut.Find("[data-testid=timeline-region-us-east-1]").TextContent, StringComparison.Ordinal);
        Assert.Contains("CMIP6 projections", cut.Find("[data-testid=timeline-region-us-west-2]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Workers_that_joined_a_pool_come_from_the_locality_figure()
    {
        var locality = new DataLocality([new PoolLocality(Virginia, 2, 1_000), new PoolLocality(RegionCode.Parse("us-west-2"), 1, 10)], [], 0, T0);

        var cut = RenderTimeline(ReadyAfter(TimeSpan.FromMinutes(2), T0), T0.AddMinutes(5), locality: locality);

        Assert.Equal("· 2 joined", Text(cut, "pool-joined-us-east-1"));
        Assert.Equal("· 1 joined", Text(cut, "pool-joined-us-west-2"));
    }

    [Fact]
    public void The_home_region_names_the_scheduler_and_the_notebook()
    {
        var session = Starting(T0);

        var cut = RenderTimeline(session, T0);

        Assert.Contains(session.SchedulerAddress, Text(cut, "pool-scheduler"), StringComparison.Ordinal);
        var home = cut.Find("[data-testid=timeline-region-eu-west-2]").TextContent;
        Assert.Contains("Dask scheduler", home, StringComparison.Ordinal);
        Assert.Contains($"Notebook ({LaunchSettings.Default.NotebookInstanceType})", home, StringComparison.Ordinal);
    }

    [Fact]
    public void A_starting_region_shows_a_bar_and_the_time_left_against_earlier_sessions()
    {
        var durations = StepDurations.Learn([ReadyAfter(TimeSpan.FromMinutes(4), T0.AddDays(-1))]);

        var cut = RenderTimeline(Starting(T0), T0.AddMinutes(1), durations);

        Assert.Equal("About 3 min left: this usually takes 4 min (from 1 earlier start).", Text(cut, "region-progress-us-east-1"));
        var bar = cut.Find("[data-testid=region-bar-us-east-1]");
        Assert.Equal("25", bar.GetAttribute("aria-valuenow"));
    }

    [Fact]
    public void Without_earlier_sessions_the_bar_only_says_it_is_starting()
    {
        var cut = RenderTimeline(Starting(T0), T0.AddSeconds(35));

        Assert.Equal("Starting for 35 s; no earlier session to tell how long it takes.", Text(cut, "region-progress-us-east-1"));
        Assert.Contains("mud-progress-indeterminate", cut.Find("[data-testid=region-bar-us-east-1]").OuterHtml, StringComparison.Ordinal);
    }

    [Fact]
    public void A_ready_region_says_how_long_it_took_in_words()
    {
        var session = ReadyAfter(TimeSpan.FromSeconds(133), T0);

        var cut = RenderTimeline(session, T0.AddHours(1));

        Assert.Equal("Ready in 2 min 13 s.", Text(cut, "region-progress-us-east-1"));
        var step = cut.Find($"[data-testid='step-portal-{session.Id}-workers-us-east-1']");
        Assert.Equal("Complete", step.QuerySelector("[data-testid=step-status]")!.TextContent.Trim());
        Assert.Contains("took 2 min 13 s", step.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("133 s", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void The_clouds_own_words_and_every_event_are_behind_details()
    {
        var session = Starting(T0);
        var workers = $"portal-{session.Id}-workers-us-east-1";
        session.ObserveStep(workers, "CREATE_IN_PROGRESS", "User Initiated");
        var events = Enumerable.Range(0, 21)
            .Select(i => new SessionEvent(session.Id, T0.AddSeconds(i), workers, Virginia, $"Resource{i} (AWS::ECS::Service) CREATE_IN_PROGRESS", $"e{i}"))
            .ToList();

        var cut = RenderTimeline(session, T0.AddMinutes(1), events: events);

        var region = cut.Find("[data-testid=timeline-region-us-east-1]");
        var details = cut.Find("[data-testid=details-us-east-1]");
        Assert.Equal("DETAILS", details.TagName);
        Assert.False(details.HasAttribute("open"));
        var listed = cut.Find($"[data-testid='details-step-{workers}']");
        Assert.Contains("Events (21)", listed.TextContent, StringComparison.Ordinal);
        Assert.Equal(21, listed.QuerySelectorAll("[data-testid=events] li").Length);
        Assert.Contains("CREATE_IN_PROGRESS", details.TextContent, StringComparison.Ordinal);
        Assert.Contains(workers, details.TextContent, StringComparison.Ordinal);

        // Outside Details the region reads as Dask: no stack names, no status words.
        var outside = region.TextContent.Replace(details.TextContent, string.Empty, StringComparison.Ordinal);
        Assert.DoesNotContain("CREATE_IN_PROGRESS", outside, StringComparison.Ordinal);
        Assert.DoesNotContain(workers, outside, StringComparison.Ordinal);
        Assert.DoesNotContain("User Initiated", outside, StringComparison.Ordinal);
    }

    [Fact]
    public void A_failed_step_says_why_where_it_is_shown()
    {
        var session = Starting(T0);
        var workers = $"portal-{session.Id}-workers-us-east-1";
        session.FailStep(workers, "WorkerService did not stabilize", T0.AddMinutes(3));

        var cut = RenderTimeline(session, T0.AddMinutes(4));

        Assert.Equal("Failed: see the message below, and Details.", Text(cut, "region-progress-us-east-1"));
        Assert.Contains("WorkerService did not stabilize", cut.Find($"[data-testid='step-{workers}']").TextContent, StringComparison.Ordinal);
    }
}
