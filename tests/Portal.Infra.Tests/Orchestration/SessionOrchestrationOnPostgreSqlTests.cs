using System.Web;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Cloud;
using Portal.Domain.Sessions;
using Portal.Infra.Tests.Persistence;
using Portal.Infra.Tests.Support;

namespace Portal.Infra.Tests.Orchestration;

/// <summary>
/// The orchestrator on a real PostgreSQL (see <see cref="PostgreSqlTestServer"/>): a session driven across restarts of a
/// portal whose container has no durable disk, so everything it needs again must be in the database.
/// </summary>
public sealed class SessionOrchestrationOnPostgreSqlTests
{
    private static readonly Actor Ada = new("ada", isAdmin: false);
    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(1);

    private static readonly Dictionary<string, string?> Durations = new()
    {
        ["Sandbox:StackCreateDurations:SessionScheduler"] = "00:00:05",
        ["Sandbox:StackCreateDurations:SessionWorkers"] = "00:00:09",
        ["Sandbox:StackDeleteDuration"] = "00:00:04",
        ["Sandbox:NotebookCreateDuration"] = "00:00:03",
        ["Sandbox:NotebookStopDuration"] = "00:00:02",
    };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_session_reaches_ready_across_a_restart_and_after_the_next_one_its_link_opens_and_it_stops()
    {
        var host = await InfraTestHost.CreateAsync(Ct, Durations, provider: TestProvider.PostgreSql);
        try
        {
            var launched = await host.Sessions.LaunchAsync(Ada, SampleRequests.FirstRun, Ct);
            var id = launched.SessionId ?? throw new InvalidOperationException(string.Join("; ", launched.Errors));
            var halfway = await DriveAsync(host, id, s => Stacks(s).All(step => step.Status == StepStatus.InProgress));
            Assert.Equal(SessionState.Provisioning, halfway.State);

            host = await host.RestartAsync(Ct);
            var ready = await DriveAsync(host, id, s => s.State == SessionState.Ready);
            var link = await host.Sessions.CreateNotebookLinkAsync(Ada, id, Ct);
            Assert.NotNull(link.Url);

            host = await host.RestartAsync(Ct);

            var found = await host.Store.FindAsync(id, Ct);
            Assert.NotNull(found);
            Equivalence.AssertEquivalent(ready, found, "Session");
            Assert.All(found.Steps, s => Assert.Equal(StepStatus.Complete, s.Status));
            Assert.Empty(await host.Store.ListNeedingWorkAsync(host.Clock.GetUtcNow(), Ct));
            var stackEvents = (await host.Store.ListEventsAsync(id, Ct)).Where(e => e.ExternalId is not null).ToList();
            var cloudEvents = 0;
            foreach (var stack in Stacks(found))
            {
                cloudEvents += (await host.Sandbox.DescribeStackEventsAsync(stack.Region, stack.ResourceName, Ct)).Count;
            }

            Assert.Equal(cloudEvents, stackEvents.Count);
            Assert.Equal(stackEvents.Count, stackEvents.DistinctBy(e => (e.ResourceName, e.ExternalId)).Count());
            Assert.NotNull(await OpenAsync(host, link.Url));
            await using (var db = await host.CreateDbContextAsync(Ct))
            {
                Assert.Equal(found.Steps.Count, await db.SandboxResources.CountAsync(r => !r.IsGone, Ct));
            }

            Assert.Equal(SessionCommandOutcome.Done, (await host.Sessions.StopAsync(Ada, id, Ct)).Outcome);
            var stopped = await DriveAsync(host, id, s => s.State == SessionState.Stopped);
            Assert.All(stopped.Steps, s => Assert.Equal(StepStatus.Deleted, s.Status));
            Assert.Null(await OpenAsync(host, link.Url));
            Assert.Empty(Directory.EnumerateFileSystemEntries(host.DataDirectory));
        }
        finally
        {
            await host.DisposeAsync();
        }
    }

    private static IEnumerable<SessionStep> Stacks(Session session) => session.Steps.Where(s => s.Kind != StepKind.Notebook);

    /// <summary>Follows a sandbox notebook link (<c>/sandbox/notebooks/{region}/{name}?authToken=…</c>) as the sandbox endpoint does.</summary>
    private static async Task<NotebookDocument?> OpenAsync(InfraTestHost host, Uri url)
    {
        var text = url.OriginalString;
        var query = text.IndexOf('?', StringComparison.Ordinal);
        var segments = text[..query].Split('/');
        var token = HttpUtility.ParseQueryString(text[query..])["authToken"];
        return (await host.Sandbox.OpenPresignedAsync(Uri.UnescapeDataString(segments[^2]), Uri.UnescapeDataString(segments[^1]), token, Ct))?.Document;
    }

    /// <summary>Runs a pass and advances the clock one tick, until <paramref name="done"/> holds for the stored session.</summary>
    private static async Task<Session> DriveAsync(InfraTestHost host, SessionId id, Func<Session, bool> done, int maxPasses = 100)
    {
        for (var pass = 0; pass < maxPasses; pass++)
        {
            await host.RunOnceAsync(Ct);
            var session = await host.Store.FindAsync(id, Ct) ?? throw new InvalidOperationException($"Session {id} is gone.");
            if (done(session))
            {
                return session;
            }

            host.Clock.Advance(Tick);
        }

        throw new InvalidOperationException($"After {maxPasses} passes session {id} has not reached the expected state.");
    }
}
