using System.Security.Claims;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Portal.Domain.Datasets;
using Portal.Domain.LaunchPlans;
using Portal.Domain.Regions;
using Portal.Domain.Sessions;
using Portal.Infra.Sessions;
using Portal.Web.Components.Pages.Sessions;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Components.Pages.Sessions;

/// <summary>The session page's lifecycle controls (the failure and its clean-up, Retry, Extend, Needs attention) and its data locality.</summary>
public sealed class SessionPageTests : PortalTestContext
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _clock;

    public SessionPageTests()
        : this(new FakeTimeProvider(T0))
    {
    }

    private SessionPageTests(FakeTimeProvider clock)
        : base(context =>
        {
            context.Services.AddPortalPageServices(clock);
            var auth = context.AddAuthorization();
            auth.SetAuthorized("ada");
            auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, "local:ada"));
        })
    {
        _clock = clock;
    }

    private InMemorySessionStore Store => (InMemorySessionStore)Services.GetRequiredService<ISessionStore>();

    private Session Add(Action<Session> shape)
    {
        var id = SessionId.New();
        var request = SampleRequests.FirstRun;
        var plan = new LaunchPlanner(RegionCatalog.Default, DatasetCatalog.Default, LaunchSettings.Default).Plan(id, request);
        var session = Session.Create(id, new Actor("local:ada", "ada", isAdmin: false), request, SessionLaunching.For(plan, request, 4m), _clock.GetUtcNow());
        session.BeginProvisioning(_clock.GetUtcNow());
        foreach (var step in session.Steps)
        {
            session.StartStep(step.ResourceName, _clock.GetUtcNow());
        }

        shape(session);
        Store.AddAsync(session, CancellationToken.None).GetAwaiter().GetResult();
        return session;
    }

    private static void Ready(Session session)
    {
        foreach (var step in session.Steps)
        {
            session.CompleteStep(step.ResourceName, T0);
        }

        session.MarkReady(T0);
    }

    private IRenderedComponent<SessionPage> Render(Session session) => Render<SessionPage>(p => p.Add(x => x.Id, session.Id.Value));

    [Fact]
    public void A_cleaned_up_failure_says_so_and_retry_provisions_again()
    {
        var session = Add(s =>
        {
            var workers = s.Steps.First(step => step.Kind == StepKind.Workers).ResourceName;
            s.FailStep(workers, "WorkerService did not stabilize", T0);
            foreach (var step in s.Steps.Where(step => step.Status == StepStatus.InProgress))
            {
                s.FailStep(step.ResourceName, "Not created: the session failed first.", T0);
            }

            s.BeginCleanUp();
            foreach (var step in s.Steps)
            {
                s.MarkStepDeleted(step.ResourceName, T0);
            }

            s.MarkCleanedUp(T0);
        });
        var cut = Render(session);

        Assert.Contains("WorkerService did not stabilize", cut.Find("[data-testid=failure-reason]").TextContent, StringComparison.Ordinal);
        Assert.Contains("no longer costs", cut.Find("[data-testid=cleanup-status]").TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid=stop]"));

        cut.Find("[data-testid=retry]").Click();

        cut.WaitForAssertion(() => Assert.Equal("Provisioning", cut.Find("[data-testid=session-status]").TextContent));
        Assert.Equal("Retrying: what failed is created again.", cut.Find("[data-testid=command-message]").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=retry]"));
    }

    [Fact]
    public void A_starting_session_expects_the_time_earlier_sessions_took()
    {
        // An earlier session whose steps took 4 minutes; then this one, started a minute ago.
        Add(s =>
        {
            foreach (var step in s.Steps)
            {
                s.CompleteStep(step.ResourceName, T0.AddMinutes(4));
            }

            s.MarkReady(T0.AddMinutes(4));
        });
        _clock.SetUtcNow(T0.AddHours(1));
        var starting = Add(_ => { });
        _clock.SetUtcNow(T0.AddHours(1).AddMinutes(1));

        var cut = Render(starting);

        Assert.Equal("About 3 min left: this usually takes 4 min (from 1 earlier start).",
            cut.Find("[data-testid=region-progress-us-east-1]").TextContent.Trim());
        Assert.Contains("2 requested", cut.Find("[data-testid=pool-workers-us-east-1]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Provisioning_offers_cancel_not_stop()
    {
        var cut = Render(Add(_ => { }));

        Assert.Equal("Cancel", cut.Find("[data-testid=stop]").TextContent.Trim());
        Assert.Empty(cut.FindAll("[data-testid=retry]"));
    }

    [Fact]
    public void Near_its_idle_stop_a_ready_session_warns_and_extend_moves_the_stop()
    {
        var session = Add(Ready);
        _clock.SetUtcNow(T0.AddMinutes(17));
        var cut = Render(session);

        Assert.Contains("Idle: stops in 3 minutes", cut.Find("[data-testid=auto-stop]").TextContent, StringComparison.Ordinal);
        cut.Find("[data-testid=extend-idle]").Click();

        cut.WaitForAssertion(() => Assert.Contains("Stops when idle from 09:37 UTC", cut.Find("[data-testid=auto-stop]").TextContent, StringComparison.Ordinal));
        Assert.Equal(T0.AddMinutes(37), Store.Sessions.Single().IdleStopAt);
        Assert.Empty(cut.FindAll("[data-testid=extend-idle]"));
    }

    [Fact]
    public void A_stopped_session_says_why_and_never_when_it_stops_by_itself()
    {
        var session = Add(s =>
        {
            Ready(s);
            s.RequestStop(T0.AddMinutes(20), "Stopped after 20 minutes idle.");
            foreach (var step in s.Steps)
            {
                s.MarkStepDeleted(step.ResourceName, T0.AddMinutes(21));
            }

            s.MarkStopped(T0.AddMinutes(21));
        });
        var cut = Render(session);

        Assert.Equal("Stopped: Stopped after 20 minutes idle.", cut.Find("[data-testid=stop-reason]").TextContent.Trim());
        Assert.Empty(cut.FindAll("[data-testid=auto-stop]"));
        Assert.Empty(cut.FindAll("[data-testid=stop]"));
    }

    [Fact]
    public void A_session_that_needs_attention_shows_what_to_do_and_only_admins_may_retry_the_clean_up()
    {
        var session = Add(s =>
        {
            Ready(s);
            s.RequestStop(T0, "Stopped by ada.");
            s.NeedAttention("Stack x could not be deleted after 8 attempts.");
        });
        var cut = Render(session);

        Assert.Contains("could not be deleted after 8 attempts", cut.Find("[data-testid=attention-reason]").TextContent, StringComparison.Ordinal);
        Assert.Equal("Needs attention", cut.Find("[data-testid=session-status]").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=resume-cleanup]"));
    }

    [Fact]
    public void Before_any_locality_figure_the_section_says_where_it_comes_from()
    {
        var cut = Render(Add(Ready));

        Assert.Equal("Data locality", cut.Find("[data-testid=locality] h2").TextContent);
        Assert.Equal(
            "No locality figure yet: it appears when the notebook reports it (its cell \"Where the bytes went\", run by you or by Run analysis).",
            cut.Find("[data-testid=locality-empty]").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=locality-pool]"));
    }

    [Fact]
    public void A_figure_shows_its_text_a_row_per_pool_and_that_raw_data_stayed_in_its_region()
    {
        var session = Add(Ready);
        SaveLocality(session, Figure(raw: 0));
        var cut = Render(session);

        Assert.Equal(
            "Read 1.2 GB in us-east-1, 850.0 MB in us-west-2; moved between regions: 0 B raw, 5.4 KB of results.",
            cut.Find("[data-testid=locality-text]").TextContent);
        Assert.Equal(
            [["us-east-1", "2", "1.2 GB"], ["us-west-2", "3", "850.0 MB"]],
            cut.FindAll("[data-testid=locality-pool]").Select(row => row.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToArray()));
        Assert.Contains("Raw data stayed in its region", cut.Find("[data-testid=locality-stayed]").TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid=locality-raw-moved]"));
        Assert.StartsWith("Between regions: 0 B raw, 5.4 KB of results; 5.4 KB delivered to the notebook.", Squeezed(cut.Find("[data-testid=locality-between]").TextContent), StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid=locality-empty]"));
    }

    [Fact]
    public void Raw_data_that_crossed_regions_is_a_warning_naming_the_pair()
    {
        var session = Add(Ready);
        SaveLocality(session, Figure(raw: 2_500_000));
        var cut = Render(session);

        var warning = Squeezed(cut.Find("[data-testid=locality-raw-moved]").TextContent);
        Assert.Contains("Raw data moved between regions: 2.5 MB from us-east-1 to us-west-2.", warning, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid=locality-stayed]"));
    }

    [Fact]
    public async Task A_figure_reported_while_the_page_is_open_appears_without_a_reload()
    {
        var session = Add(Ready);
        var cut = Render(session);
        Assert.NotEmpty(cut.FindAll("[data-testid=locality-empty]"));
        var token = Services.GetRequiredService<SessionCostTokens>().Issue(session);

        var result = await Services.GetRequiredService<ISessionReports>().ReportLocalityAsync(session.Id, token, Figure(raw: 0), Xunit.TestContext.Current.CancellationToken);

        Assert.Equal(LocalityReportOutcome.Accepted, result.Outcome);
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=locality-pool]").Count));
        Assert.Empty(cut.FindAll("[data-testid=locality-empty]"));
    }

    private static DataLocality Figure(long raw) => new(
        [new PoolLocality(RegionCode.Parse("us-east-1"), 2, 1_234_000_000), new PoolLocality(RegionCode.Parse("us-west-2"), 3, 850_000_000)],
        [new RegionTransfer(RegionCode.Parse("us-east-1"), RegionCode.Parse("us-west-2"), raw, 5_400)],
        5_400,
        T0.AddMinutes(30));

    private void SaveLocality(Session session, DataLocality figure) =>
        Services.GetRequiredService<ISessionLocalityStore>().SaveAsync(session.Id, figure, CancellationToken.None).GetAwaiter().GetResult();

    /// <summary>Markup text with its line breaks and indentation folded into single spaces.</summary>
    private static string Squeezed(string text) => string.Join(' ', text.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries));
}
