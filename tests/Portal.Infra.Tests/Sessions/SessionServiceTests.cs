using Portal.Domain.Regions;
using Portal.Domain.Sessions;
using Portal.Infra.Sessions;
using Portal.Infra.Tests.Support;

namespace Portal.Infra.Tests.Sessions;

public sealed class SessionServiceTests : IAsyncLifetime
{
    private static readonly Actor Ada = new("ada", isAdmin: false);
    private static readonly Actor Bob = new("bob", isAdmin: false);
    private static readonly Actor Admin = new("grace", isAdmin: true);

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

    [Fact]
    public async Task Launch_stores_a_requested_session_owned_by_the_actor_with_its_plan_and_estimate()
    {
        var result = await Service.LaunchAsync(Ada, SampleRequests.FirstRun, Ct);

        Assert.True(result.Succeeded);
        Assert.Empty(result.Errors);
        var session = await Host.Store.FindAsync(result.SessionId!.Value, Ct);
        Assert.NotNull(session);
        Assert.Equal(("ada", SessionState.Requested, InfraTestHost.Start), (session.Owner, session.State, session.CreatedAt));
        Assert.Equal(
            [StepKind.Scheduler, StepKind.Workers, StepKind.Workers, StepKind.Notebook],
            session.Steps.OrderBy(s => s.Order).Select(s => s.Kind));
        var estimate = Service.Estimate(await Service.GetPriceBookAsync(Ct), SampleRequests.FirstRun);
        Assert.Equal(estimate.HourlyUsd, session.HourlyCostUsd);
        Assert.True(session.HourlyCostUsd > 0);
        // Each resource carries its share of the estimate (stored and read back): together, the whole of it.
        Assert.All(session.Steps, s => Assert.True(s.Spec.HourlyUsd > 0, $"{s.ResourceName} has no rate."));
        Assert.Equal(estimate.HourlyUsd, session.Steps.Sum(s => s.Spec.HourlyUsd));
        var launched = Assert.Single(await Host.Store.ListEventsAsync(session.Id, Ct));
        Assert.StartsWith("Launched by ada: 2 worker pool(s), estimated ", launched.Message, StringComparison.Ordinal);
        Assert.Equal([session.Id], await Host.Store.ListNeedingWorkAsync(InfraTestHost.Start, Ct));
    }

    [Fact]
    public async Task Launch_refuses_an_invalid_request_with_field_errors_and_stores_nothing()
    {
        var invalid = SampleRequests.FirstRun with
        {
            Datasets = [],
            WorkersPerRegion = 0,
            MaximumHours = 500,
            EndDate = new DateOnly(2021, 1, 1),
        };

        var result = await Service.LaunchAsync(Ada, invalid, Ct);

        Assert.False(result.Succeeded);
        Assert.Null(result.SessionId);
        Assert.Equal(
            [SessionRequestField.Datasets, SessionRequestField.EndDate, SessionRequestField.WorkersPerRegion, SessionRequestField.MaximumHours],
            result.Errors.Select(e => e.Field).Distinct().Order());
        Assert.All(result.Errors, e => Assert.False(string.IsNullOrWhiteSpace(e.Message)));
        Assert.Empty(await Service.ListAsync(Admin, everyone: true, Ct));
        Assert.Empty(await Host.Store.ListNeedingWorkAsync(InfraTestHost.Start, Ct));
    }

    [Fact]
    public async Task A_user_cannot_see_list_stop_or_open_another_users_session()
    {
        var adas = await LaunchAsync(Ada);

        Assert.Null(await Service.FindAsync(Bob, adas, Ct));
        Assert.Empty(await Service.ListAsync(Bob, everyone: false, Ct));
        Assert.Empty(await Service.ListAsync(Bob, everyone: true, Ct));
        Assert.Empty(await Service.ListEventsAsync(Bob, adas, Ct));
        Assert.Equal(SessionCommandOutcome.NotFound, (await Service.StopAsync(Bob, adas, Ct)).Outcome);
        var link = await Service.CreateNotebookLinkAsync(Bob, adas, Ct);
        Assert.Null(link.Url);
        Assert.Equal("This session does not exist, or it is not yours.", link.Problem);

        var untouched = await Host.Store.FindAsync(adas, Ct);
        Assert.Equal(SessionState.Requested, untouched?.State);
        Assert.DoesNotContain(await Host.Store.ListEventsAsync(adas, Ct), e => e.Message.Contains("bob", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_user_sees_their_own_sessions_newest_first()
    {
        var first = await LaunchAsync(Ada);
        Host.Clock.Advance(TimeSpan.FromMinutes(1));
        await LaunchAsync(Bob);
        Host.Clock.Advance(TimeSpan.FromMinutes(1));
        var second = await LaunchAsync(Ada);

        Assert.Equal([second, first], (await Service.ListAsync(Ada, everyone: false, Ct)).Select(s => s.Id));
        Assert.Equal([second, first], (await Service.ListAsync(Ada, everyone: true, Ct)).Select(s => s.Id));
        Assert.NotNull(await Service.FindAsync(Ada, first, Ct));
        Assert.NotEmpty(await Service.ListEventsAsync(Ada, first, Ct));
    }

    [Fact]
    public async Task An_admin_sees_and_stops_any_users_session()
    {
        var adas = await LaunchAsync(Ada);
        Host.Clock.Advance(TimeSpan.FromMinutes(1));
        var bobs = await LaunchAsync(Bob);

        Assert.NotNull(await Service.FindAsync(Admin, adas, Ct));
        Assert.Equal([bobs, adas], (await Service.ListAsync(Admin, everyone: true, Ct)).Select(s => s.Id));
        Assert.Empty(await Service.ListAsync(Admin, everyone: false, Ct));
        Assert.NotEmpty(await Service.ListEventsAsync(Admin, adas, Ct));

        Assert.Equal(SessionCommandOutcome.Done, (await Service.StopAsync(Admin, adas, Ct)).Outcome);

        Assert.Equal(SessionState.Stopping, (await Host.Store.FindAsync(adas, Ct))?.State);
        Assert.Equal("Cancelled by grace while provisioning.", (await Host.Store.ListEventsAsync(adas, Ct))[^1].Message);
        Assert.Equal(SessionState.Requested, (await Host.Store.FindAsync(bobs, Ct))?.State);
    }

    [Fact]
    public async Task Stopping_twice_says_already_stopped_and_changes_nothing_more()
    {
        var id = await LaunchAsync(Ada);

        Assert.Equal(SessionCommandOutcome.Done, (await Service.StopAsync(Ada, id, Ct)).Outcome);
        var afterFirst = await Host.Store.FindAsync(id, Ct);
        Host.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(SessionCommandOutcome.Unchanged, (await Service.StopAsync(Ada, id, Ct)).Outcome);

        var afterSecond = await Host.Store.FindAsync(id, Ct);
        Assert.Equal(SessionState.Stopping, afterSecond?.State);
        Assert.Equal(afterFirst?.StopRequestedAt, afterSecond?.StopRequestedAt);
        Assert.Single(await Host.Store.ListEventsAsync(id, Ct), e => e.Message.StartsWith("Cancelled by", StringComparison.Ordinal));

        await Host.RunOnceAsync(Ct);
        Assert.Equal(SessionState.Stopped, (await Host.Store.FindAsync(id, Ct))?.State);
        Assert.Equal(SessionCommandOutcome.Unchanged, (await Service.StopAsync(Ada, id, Ct)).Outcome);
    }

    [Fact]
    public async Task Notebook_link_is_refused_until_the_session_is_ready_then_opens_the_notebook()
    {
        var id = await LaunchAsync(Ada);

        var early = await Service.CreateNotebookLinkAsync(Ada, id, Ct);
        Assert.Null(early.Url);
        Assert.Equal("The notebook opens once the session is Ready; it is Requested.", early.Problem);

        for (var pass = 0; pass < 60 && (await Host.Store.FindAsync(id, Ct))?.State != SessionState.Ready; pass++)
        {
            await Host.RunOnceAsync(Ct);
            Host.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        var link = await Service.CreateNotebookLinkAsync(Ada, id, Ct);
        Assert.Null(link.Problem);
        Assert.NotNull(link.Url);
        var query = System.Web.HttpUtility.ParseQueryString(new Uri(new Uri("http://portal.test/"), link.Url).Query);
        var segments = link.Url.OriginalString.Split('?')[0].Split('/');
        var document = (await Host.Sandbox.OpenPresignedAsync(segments[^2], segments[^1], query["authToken"], Ct))?.Document;
        Assert.NotNull(document);
        Assert.Contains(id.Value, document.Content, StringComparison.Ordinal);

        Assert.Null((await Service.CreateNotebookLinkAsync(Bob, id, Ct)).Url);
        Assert.NotNull((await Service.CreateNotebookLinkAsync(Admin, id, Ct)).Url);
    }

    [Fact]
    public async Task Notebook_link_after_a_stop_says_the_session_is_stopping()
    {
        var id = await LaunchAsync(Ada);
        await Service.StopAsync(Ada, id, Ct);

        var link = await Service.CreateNotebookLinkAsync(Ada, id, Ct);

        Assert.Null(link.Url);
        Assert.Equal("The notebook opens once the session is Ready; it is Stopping.", link.Problem);
    }

    [Fact]
    public async Task Step_durations_are_learnt_from_every_earlier_session_even_stopped_ones()
    {
        var id = await LaunchAsync(Bob);
        var start = InfraTestHost.Start;
        await Host.Store.UpdateAsync(id, s =>
        {
            s.BeginProvisioning(start);
            foreach (var step in s.Steps)
            {
                s.StartStep(step.ResourceName, start);
                s.CompleteStep(step.ResourceName, start.AddSeconds(133));
            }

            s.MarkReady(start.AddSeconds(133));
            s.RequestStop(start.AddHours(1), "Stopped by bob");
            foreach (var step in s.Steps)
            {
                s.MarkStepDeleted(step.ResourceName, start.AddHours(1).AddMinutes(3));
            }

            s.MarkStopped(start.AddHours(1).AddMinutes(3));
        }, Ct);

        var durations = await Service.GetStepDurationsAsync(Ct);

        var workers = durations.For(StepKind.Workers, RegionCode.Parse("us-east-1"));
        Assert.Equal(new ExpectedDuration(TimeSpan.FromSeconds(133), 1), workers);
    }

    private async Task<SessionId> LaunchAsync(Actor actor)
    {
        var result = await Service.LaunchAsync(actor, SampleRequests.FirstRun, Ct);
        Assert.Empty(result.Errors);
        return result.SessionId!.Value;
    }
}
