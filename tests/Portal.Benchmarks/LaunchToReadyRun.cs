using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Portal.Domain;
using Portal.Domain.Sessions;
using Portal.Infra;
using Portal.Infra.Orchestration;
using Portal.Infra.Sandbox;
using Portal.Testing;

namespace Portal.Benchmarks;

/// <summary>
/// One run: a host composed as the app composes its infrastructure (sandbox cloud, SQLite in a fresh folder, the
/// background orchestration), N sessions launched together, each watched until Ready.
/// </summary>
internal static class LaunchToReadyRun
{
    private static readonly TimeSpan StopBound = TimeSpan.FromSeconds(15);

    public static async Task<RunResult> RunAsync(RunSettings settings, CancellationToken cancellationToken)
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "portal-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataDirectory);
        try
        {
            using var host = BuildHost(settings, dataDirectory);
            await host.StartAsync(cancellationToken);
            try
            {
                return await MeasureAsync(host.Services, settings, cancellationToken);
            }
            finally
            {
                using var stopping = new CancellationTokenSource(StopBound);
                await host.StopAsync(stopping.Token);
            }
        }
        finally
        {
            // Pooled connections keep the database file open; release them so the folder can go.
            SqliteConnection.ClearAllPools();
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    private static IHost BuildHost(RunSettings settings, string dataDirectory)
    {
        var builder = Host.CreateApplicationBuilder();
        var configuration = new Dictionary<string, string?>
        {
            ["Storage:DataDirectory"] = dataDirectory,
            ["Logging:LogLevel:Default"] = "Warning",
            // The lifecycle benchmark measures the step engine against the sandbox's simulated durations.
            ["Sandbox:Compute"] = "Simulated",
        };
        if (settings.PollInterval is { } poll)
        {
            configuration["Orchestration:PollInterval"] = poll.ToString("c", System.Globalization.CultureInfo.InvariantCulture);
        }

        builder.Configuration.AddInMemoryCollection(configuration);
        builder.AddPortalInfra();
        return builder.Build();
    }

    private static async Task<RunResult> MeasureAsync(IServiceProvider services, RunSettings settings, CancellationToken cancellationToken)
    {
        var sessions = services.GetRequiredService<ISessionService>();
        var feed = services.GetRequiredService<IChangeFeed<SessionChange>>();
        var sandbox = services.GetRequiredService<IOptions<SandboxOptions>>().Value;
        var pollInterval = services.GetRequiredService<IOptions<OrchestrationOptions>>().Value.PollInterval;

        // Subscribe before launching: every change heard makes the watcher read that session again.
        var changes = Channel.CreateUnbounded<SessionId>();
        using var subscription = feed.Subscribe(change =>
        {
            changes.Writer.TryWrite(change.Id);
            return Task.CompletedTask;
        });

        using var bound = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bound.CancelAfter(settings.Timeout);
        var runStarted = Stopwatch.GetTimestamp();

        var launches = await Task.WhenAll(Enumerable.Range(1, settings.Sessions).Select(i => Task.Run(
            async () =>
            {
                var actor = new Actor($"bench-user-{i}", isAdmin: false);
                var startedAt = Stopwatch.GetTimestamp();
                var result = await sessions.LaunchAsync(actor, new LaunchCommand(SampleRequests.FirstRun), bound.Token);
                return new Launch(actor, startedAt, result);
            },
            bound.Token)));

        var unready = new List<UnreadySession>();
        var pending = new Dictionary<SessionId, Launch>();
        foreach (var launch in launches)
        {
            if (launch.Result.SessionId is { } id)
            {
                pending[id] = launch;
            }
            else
            {
                var errors = string.Join("; ", launch.Result.Errors.Select(e => e.ToString()));
                unready.Add(new UnreadySession(launch.Actor.Id, null, $"launch refused: {errors}"));
            }
        }

        var ready = new List<ReadySession>();
        var watcher = new Watcher(sessions, sandbox, pending, ready, unready);
        try
        {
            // A session may have changed before its launch returned its id: look at each once.
            foreach (var id in pending.Keys.ToList())
            {
                await watcher.LookAsync(id, bound.Token);
            }

            while (pending.Count > 0)
            {
                var id = await changes.Reader.ReadAsync(bound.Token);
                await watcher.LookAsync(id, bound.Token);
            }
        }
        catch (OperationCanceledException) when (bound.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            await watcher.TimedOutAsync(cancellationToken);
        }

        var configured = ready.Count > 0
            ? ready.Max(r => r.LongestStepConfigured)
            : TimeSpan.FromTicks(Math.Max(sandbox.StackCreateDuration.Ticks, sandbox.NotebookCreateDuration.Ticks));
        return new RunResult(settings, pollInterval, configured, Stopwatch.GetElapsedTime(runStarted), ready, unready);
    }

    private sealed record Launch(Actor Actor, long StartedAt, LaunchResult Result);

    /// <summary>Looks at a session when it changes; moves it from pending to ready, or to unready when it went elsewhere.</summary>
    private sealed class Watcher(
        ISessionService sessions,
        SandboxOptions sandbox,
        Dictionary<SessionId, Launch> pending,
        List<ReadySession> ready,
        List<UnreadySession> unready)
    {
        public async Task LookAsync(SessionId id, CancellationToken cancellationToken)
        {
            if (!pending.TryGetValue(id, out var launch))
            {
                return;
            }

            var session = await sessions.FindAsync(launch.Actor, id, cancellationToken);

            // Stamped once the read is back, not when the change was heard: an earlier change's read may already see
            // Ready, and stamping it with that earlier change would report the session ready before it was.
            var seenAt = Stopwatch.GetTimestamp();
            if (session is null)
            {
                pending.Remove(id);
                unready.Add(new UnreadySession(launch.Actor.Id, id, "not found"));
            }
            else if (session.State == SessionState.Ready)
            {
                pending.Remove(id);
                ready.Add(Measure(launch, session, Stopwatch.GetElapsedTime(launch.StartedAt, seenAt)));
            }
            else if (session.State is not (SessionState.Requested or SessionState.Provisioning))
            {
                pending.Remove(id);
                unready.Add(new UnreadySession(launch.Actor.Id, id, Describe(session)));
            }
        }

        public async Task TimedOutAsync(CancellationToken cancellationToken)
        {
            foreach (var (id, launch) in pending)
            {
                var session = await sessions.FindAsync(launch.Actor, id, cancellationToken);
                unready.Add(new UnreadySession(launch.Actor.Id, id, "timed out, " + (session is null ? "not found" : Describe(session))));
            }

            pending.Clear();
        }

        private ReadySession Measure(Launch launch, Session session, TimeSpan launchToReady)
        {
            var steps = session.Steps;
            var firstStart = steps.Min(s => s.StartedAt) ?? session.CreatedAt;
            var longestMeasured = steps
                .Where(s => s is { StartedAt: not null, CompletedAt: not null })
                .Select(s => s.CompletedAt!.Value - s.StartedAt!.Value)
                .DefaultIfEmpty(TimeSpan.Zero)
                .Max();
            var longestConfigured = steps.Max(s => s.Kind == StepKind.Notebook
                ? sandbox.NotebookCreateDuration
                : sandbox.CreateDurationFor(s.Spec.Template));
            return new ReadySession(
                launch.Actor.Id,
                session.Id,
                steps.Count,
                launchToReady,
                (session.ReadyAt ?? session.CreatedAt) - session.CreatedAt,
                firstStart - session.CreatedAt,
                longestMeasured,
                longestConfigured);
        }

        private static string Describe(Session session)
        {
            var steps = string.Join(", ", session.Steps.Select(s => $"{s.ResourceName} {s.Status}"));
            var reason = session.FailureReason ?? session.AttentionReason;
            return $"{session.State}{(reason is null ? string.Empty : $" ({reason})")}; steps: {steps}";
        }
    }
}
