using Microsoft.Extensions.DependencyInjection;
using Portal.Domain;
using Portal.Domain.Regions;
using Portal.Domain.Sessions;
using Portal.Infra.Sessions;
using Portal.Infra.Tests.Support;

namespace Portal.Infra.Tests.Sessions;

/// <summary>A session reports where its bytes went with its own token; its owner (and admins) read the latest figure.</summary>
public sealed class SessionLocalityTests : IAsyncLifetime
{
    private static readonly Actor Ada = new("ada", isAdmin: false);
    private static readonly Actor Bob = new("bob", isAdmin: false);
    private static readonly Actor Admin = new("grace", isAdmin: true);
    private static readonly RegionCode UsEast1 = RegionCode.Parse("us-east-1");
    private static readonly RegionCode UsWest2 = RegionCode.Parse("us-west-2");

    private InfraTestHost? _host;

    private InfraTestHost Host => _host ?? throw new InvalidOperationException("Not initialised.");

    private SessionService Service => Host.Sessions;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _host = await InfraTestHost.CreateAsync(Ct);

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    private static DataLocality Figure(RegionCode? elsewhere = null, long raw = 0) => new(
        [new PoolLocality(UsEast1, 2, 1_200_000_000), new PoolLocality(elsewhere ?? UsWest2, 2, 0)],
        [new RegionTransfer(UsEast1, UsWest2, raw, 5_400)],
        5_400,
        DateTimeOffset.UnixEpoch);

    [Fact]
    public async Task A_report_with_the_sessions_token_is_kept_at_the_portals_clock_and_the_page_hears_of_it()
    {
        var (id, token) = await LaunchAsync(Ada);
        var heard = new List<SessionChange>();
        using var subscription = Host.Services.GetRequiredService<IChangeFeed<SessionChange>>().Subscribe(c =>
        {
            heard.Add(c);
            return Task.CompletedTask;
        });
        Host.Clock.Advance(TimeSpan.FromMinutes(3));

        var result = await Service.ReportLocalityAsync(id, token, Figure(), Ct);

        Assert.Equal(LocalityReportOutcome.Accepted, result.Outcome);
        Assert.Equal(Figure() with { ReportedAt = InfraTestHost.Start.AddMinutes(3) }, await Service.FindLocalityAsync(Ada, id, Ct));
        Assert.Equal([new SessionChange(id, "ada")], heard);
    }

    [Fact]
    public async Task Only_the_owner_and_admins_read_the_figure()
    {
        var (id, token) = await LaunchAsync(Ada);
        await Service.ReportLocalityAsync(id, token, Figure(), Ct);

        Assert.NotNull(await Service.FindLocalityAsync(Ada, id, Ct));
        Assert.NotNull(await Service.FindLocalityAsync(Admin, id, Ct));
        Assert.Null(await Service.FindLocalityAsync(Bob, id, Ct));
    }

    [Fact]
    public async Task Another_sessions_token_stores_nothing()
    {
        var (adas, _) = await LaunchAsync(Ada);
        var (_, bobsToken) = await LaunchAsync(Bob);

        var result = await Service.ReportLocalityAsync(adas, bobsToken, Figure(), Ct);

        Assert.Equal(LocalityReportResult.BadToken, result);
        Assert.Null(await Service.FindLocalityAsync(Ada, adas, Ct));
    }

    [Fact]
    public async Task A_region_without_a_pool_of_the_session_is_named_and_nothing_is_stored()
    {
        var (id, token) = await LaunchAsync(Ada);

        var result = await Service.ReportLocalityAsync(id, token, Figure(elsewhere: RegionCode.Parse("eu-north-1")), Ct);

        Assert.Equal(LocalityReportOutcome.UnknownRegion, result.Outcome);
        Assert.Equal("'eu-north-1' is not a region of this session's pools (us-east-1, us-west-2).", result.Message);
        Assert.Null(await Service.FindLocalityAsync(Ada, id, Ct));
    }

    [Fact]
    public async Task A_stopped_session_takes_no_more_figures_and_keeps_its_last()
    {
        var (id, token) = await LaunchAsync(Ada);
        await Service.ReportLocalityAsync(id, token, Figure(raw: 1), Ct);
        await Host.Store.UpdateAsync(id, s =>
        {
            s.RequestStop(Host.Clock.GetUtcNow(), "Stopped by ada.");
            s.MarkStopped(Host.Clock.GetUtcNow());
        }, Ct);

        var result = await Service.ReportLocalityAsync(id, token, Figure(raw: 2), Ct);

        Assert.Equal(LocalityReportOutcome.NotLive, result.Outcome);
        Assert.Equal("The session has ended (Stopped): it takes no more locality figures.", result.Message);
        Assert.Equal(1, (await Service.FindLocalityAsync(Ada, id, Ct))!.RawBytesBetweenRegions);
    }

    private async Task<(SessionId Id, string Token)> LaunchAsync(Actor actor)
    {
        var id = (await Service.LaunchAsync(actor, SampleRequests.FirstRun, Ct)).SessionId!.Value;
        var session = await Host.Store.FindAsync(id, Ct);
        return (id, Host.Services.GetRequiredService<SessionCostTokens>().Issue(session!));
    }
}
