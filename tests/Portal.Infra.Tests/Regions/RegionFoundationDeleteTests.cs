using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Datasets;
using Portal.Domain.Regions;
using Portal.Domain.Sessions;
using Portal.Infra.Regions;
using Portal.Infra.Tests.Support;
using static Portal.Infra.Tests.Regions.FoundationTestHost;

namespace Portal.Infra.Tests.Regions;

/// <summary>Deleting foundations on the sandbox cloud, and the sessions that keep a region's foundation in use.</summary>
public sealed class RegionFoundationDeleteTests : IAsyncLifetime
{
    private FoundationTestHost? _foundations;

    private FoundationTestHost Foundations => _foundations ?? throw new InvalidOperationException("Not initialised.");

    private IRegionFoundations Service => Foundations.Service;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _foundations = await FoundationTestHost.CreateAsync(Ct);

    public async ValueTask DisposeAsync()
    {
        if (_foundations is not null)
        {
            await _foundations.DisposeAsync();
        }
    }

    [Fact]
    public async Task Delete_takes_a_ready_foundation_away_and_it_can_be_created_again()
    {
        await Foundations.CreateReadyAsync(UsEast1, Ct);

        var result = await Service.DeleteAsync(Grace, UsEast1, Ct);

        Assert.Equal(FoundationCommandOutcome.Started, result.Outcome);
        var deleting = await Foundations.GetAsync(UsEast1, Ct);
        Assert.Equal((FoundationStatus.Deleting, "DELETE_IN_PROGRESS"), (deleting.Status, deleting.StackStatus));
        Assert.Equal(("portal-region-us-east-1", "DELETE_IN_PROGRESS"), (deleting.RecentEvents[0].LogicalResourceId, deleting.RecentEvents[0].ResourceStatus));
        Assert.Equal(FoundationCommandOutcome.Unchanged, (await Service.DeleteAsync(Grace, UsEast1, Ct)).Outcome);
        Assert.Equal(FoundationCommandOutcome.Refused, (await Service.CreateAsync(Grace, UsEast1, Ct)).Outcome);

        Foundations.Host.Clock.Advance(PastDelete);
        var gone = await Service.DeleteAsync(Grace, UsEast1, Ct);
        Assert.Equal(FoundationStatus.None, (await Foundations.GetAsync(UsEast1, Ct)).Status);
        Assert.Equal((FoundationCommandOutcome.Unchanged, "There is no foundation in us-east-1 to delete."), (gone.Outcome, gone.Message));

        Foundations.Host.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(FoundationCommandOutcome.Started, (await Service.CreateAsync(Grace, UsEast1, Ct)).Outcome);
        Assert.Equal(FoundationStatus.Creating, (await Foundations.GetAsync(UsEast1, Ct)).Status);
    }

    [Fact]
    public async Task Delete_is_refused_while_a_session_that_uses_the_region_is_not_stopped()
    {
        await Foundations.CreateReadyAsync(UsEast1, Ct);
        var now = Foundations.Host.Clock.GetUtcNow();
        var both = TestSessions.Ready("ada", now);
        var cmip6Only = TestSessions.Launch("bob", now, SampleRequests.FirstRun with { DataType = DataType.Predictive, Datasets = [DatasetCatalog.Cmip6] });
        await Foundations.Host.Store.AddAsync(both, Ct);
        await Foundations.Host.Store.AddAsync(cmip6Only, Ct);

        var refused = await Service.DeleteAsync(Grace, UsEast1, Ct);

        Assert.Equal(FoundationCommandOutcome.Refused, refused.Outcome);
        Assert.StartsWith($"1 session(s) use us-east-1 and are not stopped: {both.Id} (Ready). Stop them first", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(cmip6Only.Id.Value, refused.Message, StringComparison.Ordinal);
        Assert.Equal(FoundationStatus.Ready, (await Foundations.GetAsync(UsEast1, Ct)).Status);

        await Foundations.StopSessionAsync(both.Id, Ct);
        var deleted = await Service.DeleteAsync(Grace, UsEast1, Ct);

        Assert.Equal(FoundationCommandOutcome.Started, deleted.Outcome);
        Assert.Equal(FoundationStatus.Deleting, (await Foundations.GetAsync(UsEast1, Ct)).Status);
    }

    [Fact]
    public async Task A_failed_session_still_holds_the_region()
    {
        await Foundations.CreateReadyAsync(UsEast1, Ct);
        var now = Foundations.Host.Clock.GetUtcNow();
        var session = TestSessions.Launch("ada", now);
        session.BeginProvisioning(now);
        var workers = session.Steps.First(s => s.Region == UsEast1);
        session.StartStep(workers.ResourceName, now);
        session.FailStep(workers.ResourceName, "quota", now);
        await Foundations.Host.Store.AddAsync(session, Ct);

        var refused = await Service.DeleteAsync(Grace, UsEast1, Ct);

        Assert.Equal(FoundationCommandOutcome.Refused, refused.Outcome);
        Assert.Contains($"{session.Id} (Failed)", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failed_foundation_is_deleted_and_its_name_is_free_again()
    {
        await Foundations.CreateReadyAsync(UsWest2, Ct);
        Assert.Equal(FoundationStatus.Failed, (await Foundations.GetAsync(UsWest2, Ct)).Status);

        Assert.Equal(FoundationCommandOutcome.Started, (await Service.DeleteAsync(Grace, UsWest2, Ct)).Outcome);
        Foundations.Host.Clock.Advance(PastDelete);

        Assert.Equal(FoundationStatus.None, (await Foundations.GetAsync(UsWest2, Ct)).Status);
        Assert.Equal(FoundationCommandOutcome.Started, (await Service.CreateAsync(Grace, UsWest2, Ct)).Outcome);
    }

    [Fact]
    public async Task Create_and_delete_tell_open_pages()
    {
        var heard = new List<RegionCode>();
        using var subscription = Foundations.Host.Services.GetRequiredService<FoundationChangeNotifier>().Subscribe(r =>
        {
            heard.Add(r);
            return Task.CompletedTask;
        });

        await Service.CreateAsync(Grace, UsEast1, Ct);
        await Service.DeleteAsync(Grace, UsEast1, Ct);

        Assert.Equal([UsEast1, UsEast1], heard);
    }
}
