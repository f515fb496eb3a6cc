using System.Security.Claims;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Portal.Domain.Cloud;
using Portal.Domain.Datasets;
using Portal.Domain.LaunchPlans;
using Portal.Domain.Regions;
using Portal.Domain.Sessions;
using Portal.Web.Components.Sessions;
using Portal.Web.Tests.Support;

namespace Portal.Web.Tests.Components.Sessions;

/// <summary>The session page's real-compute part: what runs, the dashboard, Run analysis and its results.</summary>
public sealed class SessionComputeTests : PortalTestContext
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);
    private readonly FakeAnalysis _analysis;
    private readonly FakeLocalCompute _local;

    public SessionComputeTests()
        : this(new FakeAnalysis(), new FakeLocalCompute())
    {
    }

    private SessionComputeTests(FakeAnalysis analysis, FakeLocalCompute local)
        : base(context =>
        {
            context.Services.AddPortalPageServices(new FakeTimeProvider(T0));
            context.Services.AddSingleton<ILocalCompute>(local);
            context.Services.AddSingleton<ISessionAnalysis>(analysis);
            var auth = context.AddAuthorization();
            auth.SetAuthorized("ada");
            auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, "local:ada"));
        })
    {
        _analysis = analysis;
        _local = local;
    }

    [Fact]
    public void Without_real_compute_it_says_what_to_install_and_offers_no_run()
    {
        _local.Real = false;
        _analysis.Runnable = false;

        var cut = Render<SessionCompute>(p => p.Add(x => x.Session, ReadySession()));

        Assert.Equal("Simulated compute: install python3-distributed", cut.Find("[data-testid=compute-summary]").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=run-analysis]"));
        Assert.Empty(cut.FindAll("[data-testid=dashboard-link]"));
    }

    [Fact]
    public void A_ready_local_session_links_its_dashboard_and_runs_the_analysis_for_its_owner()
    {
        var session = ReadySession();

        var cut = Render<SessionCompute>(p => p.Add(x => x.Session, session));
        Assert.Equal("http://127.0.0.1:8787/status", cut.Find("[data-testid=dashboard-link]").GetAttribute("href"));
        Assert.Equal("No run yet. Run analysis draws the maps of the notebook here.", cut.Find("[data-testid=analysis-empty]").TextContent);

        cut.Find("[data-testid=run-analysis]").Click();

        Assert.Equal(["local:ada"], _analysis.StartedBy);
        Assert.Equal("Started.", cut.Find("[data-testid=analysis-message]").TextContent);
        Assert.Contains("Running since 09:00:00 UTC", cut.Find("[data-testid=analysis-status]").TextContent, StringComparison.Ordinal);
        Assert.True(cut.Find("[data-testid=run-analysis]").HasAttribute("disabled"));
    }

    [Fact]
    public void A_finished_run_shows_its_figures_and_a_failed_one_the_cell_and_the_error()
    {
        var session = ReadySession();
        _analysis.Run = new AnalysisRun(AnalysisStatus.Succeeded, T0, 16.4, null, null, ["figure-1.png", "figure-2.png"], "read 1.2 MB in us-east-1");

        var cut = Render<SessionCompute>(p => p.Add(x => x.Session, session));

        Assert.Equal("The analysis ran every cell in 16 s.", cut.Find("[data-testid=analysis-status]").TextContent);
        var images = cut.FindAll("[data-testid=analysis-figures] img");
        Assert.Equal([$"/sessions/{session.Id.Value}/results/figure-1.png", $"/sessions/{session.Id.Value}/results/figure-2.png"], images.Select(i => i.GetAttribute("src")));
        Assert.Equal("Figure 1 of the analysis", images[0].GetAttribute("alt"));
        Assert.Equal("read 1.2 MB in us-east-1", cut.Find("[data-testid=analysis-output]").TextContent);

        _analysis.Run = new AnalysisRun(AnalysisStatus.Failed, T0, 3, "cmip6-map", "RuntimeError: No CMIP6 map", [], string.Empty);
        cut = Render<SessionCompute>(p => p.Add(x => x.Session, session));
        Assert.Contains("The analysis stopped at cell cmip6-map: RuntimeError: No CMIP6 map", cut.Find("[data-testid=analysis-status]").TextContent, StringComparison.Ordinal);
    }

    private static Session ReadySession()
    {
        var id = SessionId.New();
        var request = SampleRequests.FirstRun;
        var plan = new LaunchPlanner(RegionCatalog.Default, DatasetCatalog.Default, LaunchSettings.Default).Plan(id, request);
        var session = Session.Create(id, new Actor("local:ada", "ada", isAdmin: false), request, SessionLaunching.For(plan, request, 4m), T0);
        session.BeginProvisioning(T0);
        foreach (var step in session.Steps)
        {
            session.StartStep(step.ResourceName, T0);
            session.CompleteStep(step.ResourceName, T0);
        }

        session.MarkReady(T0);
        return session;
    }

    private sealed class FakeLocalCompute : ILocalCompute
    {
        public bool Real { get; set; } = true;

        public bool IsReal => Real;

        public string Summary => Real ? "Real compute: here" : "Simulated compute: install python3-distributed";

        public Uri? DashboardFor(SessionId id) => Real ? new Uri("http://127.0.0.1:8787/status") : null;
    }

    private sealed class FakeAnalysis : ISessionAnalysis
    {
        public bool Runnable { get; set; } = true;

        public AnalysisRun? Run { get; set; }

        public List<string> StartedBy { get; } = [];

        public bool CanRun(Session session) => Runnable;

        public Task<AnalysisStart> StartAsync(Actor actor, SessionId id, CancellationToken cancellationToken)
        {
            StartedBy.Add(actor.Id);
            Run = new AnalysisRun(AnalysisStatus.Running, T0, null, null, null, [], string.Empty);
            return Task.FromResult(new AnalysisStart(true, "Started."));
        }

        public Task<AnalysisRun?> FindAsync(Actor actor, SessionId id, CancellationToken cancellationToken) => Task.FromResult(Run);

        public Task<byte[]?> ReadFigureAsync(Actor actor, SessionId id, string name, CancellationToken cancellationToken) => Task.FromResult<byte[]?>(null);
    }
}
