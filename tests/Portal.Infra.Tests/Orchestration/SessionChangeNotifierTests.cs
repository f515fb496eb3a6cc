using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Sessions;
using Portal.Infra.Orchestration;
using Portal.Infra.Tests.Support;

namespace Portal.Infra.Tests.Orchestration;

public sealed class SessionChangeNotifierTests
{
    private static readonly SessionChange Id = new(SessionId.Parse("s-4k7q2m9x1z"), "ada");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Publishes_to_every_subscriber_until_it_unsubscribes()
    {
        var notifier = new SessionChangeNotifier();
        var first = new List<SessionChange>();
        var second = new List<SessionChange>();
        using var keep = notifier.Subscribe(id => Record(first, id));
        var leave = notifier.Subscribe(id => Record(second, id));

        await notifier.PublishAsync(Id);
        leave.Dispose();
        await notifier.PublishAsync(Id);

        Assert.Equal([Id, Id], first);
        Assert.Equal([Id], second);
    }

    [Fact]
    public async Task A_failing_subscriber_neither_fails_the_publisher_nor_silences_the_others()
    {
        var notifier = new SessionChangeNotifier();
        var heard = new List<SessionChange>();
        using var broken = notifier.Subscribe(_ => throw new ObjectDisposedException("circuit"));
        using var faulted = notifier.Subscribe(_ => Task.FromException(new InvalidOperationException("The page could not reload.")));
        using var working = notifier.Subscribe(id => Record(heard, id));

        await notifier.PublishAsync(Id);

        Assert.Equal([Id], heard);
    }

    [Fact]
    public async Task A_page_that_fails_to_reload_does_not_fail_a_launch_nor_hold_up_the_orchestrator()
    {
        await using var host = await InfraTestHost.CreateAsync(Ct);
        using var broken = host.Services.GetRequiredService<SessionChangeNotifier>()
            .Subscribe(_ => Task.FromException(new InvalidOperationException("The page could not reload.")));

        var launched = await host.Sessions.LaunchAsync(new Actor("ada", isAdmin: false), SampleRequests.FirstRun, Ct);
        Assert.True(launched.Succeeded);
        var id = launched.SessionId!.Value;
        for (var pass = 0; pass < 30 && (await host.Store.FindAsync(id, Ct))?.State != SessionState.Ready; pass++)
        {
            await host.RunOnceAsync(Ct);
            host.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.Equal(SessionState.Ready, (await host.Store.FindAsync(id, Ct))?.State);
    }

    private static Task Record(List<SessionChange> heard, SessionChange id)
    {
        heard.Add(id);
        return Task.CompletedTask;
    }
}
