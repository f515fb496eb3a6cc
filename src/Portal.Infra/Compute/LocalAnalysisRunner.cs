using System.Text.Json;
using Microsoft.Extensions.Logging;
using Portal.Domain.Cloud;
using Portal.Domain.Sessions;
using Portal.Infra.Notebooks;

namespace Portal.Infra.Compute;

/// <summary>
/// Runs a local session's notebook with nbclient (<c>portal_sandbox.run</c>) as another process of the session, beside
/// its Jupyter server: same kernel, same cluster, same token. Its results live in the session's folder
/// (<c>analysis/</c>); its process ends with the session.
/// </summary>
internal sealed partial class LocalAnalysisRunner(
    LocalComputePaths paths,
    ISessionService sessions,
    TimeProvider clock,
    ILogger<LocalAnalysisRunner> logger) : ISessionAnalysis
{
    public const string Step = "analysis";
    private const int MaxFigureBytes = 16 * 1024 * 1024;

    public bool CanRun(Session session)
    {
        ArgumentNullException.ThrowIfNull(session);
        return session.Steps.Any(s => s.Kind == StepKind.Notebook && LocalCompute.IsLocal(s.Spec));
    }

    public async Task<AnalysisStart> StartAsync(Actor actor, SessionId id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var session = await sessions.FindAsync(actor, id, cancellationToken);
        if (session is null || session.Owner != actor.Id)
        {
            return new(false, "There is no such session, or it is not yours.");
        }

        if (!CanRun(session))
        {
            return new(false, "This session has no local notebook to run: open the notebook and run it there.");
        }

        if (session.State != SessionState.Ready)
        {
            return new(false, $"The analysis runs once the session is Ready; it is {session.State}.");
        }

        var folder = paths.Session(id);
        if (LocalProcess.Read(folder.PidFile(Step)) is { } running && LocalProcess.IsRunning(running))
        {
            return new(false, "The analysis is running already.");
        }

        var notebook = Path.Combine(folder.NotebookDirectory, NotebookWriter.FileName(id));
        if (!File.Exists(notebook))
        {
            return new(false, "The session's notebook is not there yet: wait until Jupyter has started.");
        }

        var results = Results(folder);
        if (Directory.Exists(results))
        {
            Directory.Delete(results, recursive: true);
        }

        Directory.CreateDirectory(results);
        LocalSessionFolder.Mark(folder.StartedFile(Step), clock.GetUtcNow());
        var environment = new Dictionary<string, string>
        {
            ["PYTHONPATH"] = LocalComputePaths.HelperPath,
            ["PYTHONUNBUFFERED"] = "1",
            ["JUPYTER_PATH"] = Path.Combine(folder.Path, "jupyter-path"),
            ["JUPYTER_RUNTIME_DIR"] = folder.JupyterRuntimeDirectory,
            ["JUPYTER_DATA_DIR"] = Path.Combine(folder.Path, "jupyter-data"),
            ["MPLCONFIGDIR"] = Path.Combine(paths.Root, "cache", "matplotlib"),
        };
        var record = LocalProcess.Start(paths.Python, ["-m", "portal_sandbox.run", notebook, results], environment,
            folder.NotebookDirectory, folder.LogFile(Step), folder.PidFile(Step));
        LogStarted(id.Value, actor.Name, record.Pid);
        return new(true, "The analysis is running: the results appear below when it ends.");
    }

    public async Task<AnalysisRun?> FindAsync(Actor actor, SessionId id, CancellationToken cancellationToken)
    {
        if (await sessions.FindAsync(actor, id, cancellationToken) is not { } session || !CanRun(session))
        {
            return null;
        }

        var folder = paths.Session(id);
        if (folder.StartedAt(Step) is not { } startedAt)
        {
            return null;
        }

        var file = Path.Combine(Results(folder), "results.json");
        if (File.Exists(file))
        {
            return Read(file, startedAt);
        }

        return LocalProcess.Read(folder.PidFile(Step)) is { } record && LocalProcess.IsRunning(record)
            ? new AnalysisRun(AnalysisStatus.Running, startedAt, null, null, null, [], string.Empty)
            : new AnalysisRun(AnalysisStatus.Failed, startedAt, null, null,
                "The run ended without results: " + LocalProcess.Tail(folder.LogFile(Step)), [], string.Empty);
    }

    public async Task<byte[]?> ReadFigureAsync(Actor actor, SessionId id, string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(name);
        // Only names the run writes: figure-<n>.png, nothing that walks out of the folder.
        if (!name.StartsWith("figure-", StringComparison.Ordinal) || !name.EndsWith(".png", StringComparison.Ordinal)
            || !int.TryParse(name["figure-".Length..^".png".Length], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _))
        {
            return null;
        }

        if (await FindAsync(actor, id, cancellationToken) is not { } run || !run.Figures.Contains(name))
        {
            return null;
        }

        var path = Path.Combine(Results(paths.Session(id)), name);
        return File.Exists(path) && new FileInfo(path).Length <= MaxFigureBytes ? await File.ReadAllBytesAsync(path, cancellationToken) : null;
    }

    /// <summary>Ends a running analysis (the session is stopping): its kernel goes with it.</summary>
    public static void End(LocalSessionFolder folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        if (LocalProcess.Read(folder.PidFile(Step)) is { } record && LocalProcess.IsRunning(record))
        {
            LocalProcess.Signal(record, force: true);
        }
    }

    private static string Results(LocalSessionFolder folder) => Path.Combine(folder.Path, "analysis");

    private static AnalysisRun Read(string file, DateTimeOffset startedAt)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(file));
            var root = document.RootElement;
            var status = root.GetProperty("status").GetString() == "succeeded" ? AnalysisStatus.Succeeded : AnalysisStatus.Failed;
            var figures = root.GetProperty("figures").EnumerateArray().Select(f => f.GetProperty("file").GetString()!).ToList();
            var output = string.Join('\n', root.GetProperty("cells").EnumerateArray()
                .Select(c => c.GetProperty("text").GetString())
                .Where(t => !string.IsNullOrWhiteSpace(t)));
            return new AnalysisRun(
                status,
                startedAt,
                root.TryGetProperty("seconds", out var seconds) && seconds.TryGetDouble(out var s) ? s : null,
                root.TryGetProperty("failedCell", out var cell) ? cell.GetString() : null,
                root.TryGetProperty("error", out var error) ? error.GetString() : null,
                figures,
                output);
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or IOException)
        {
            return new AnalysisRun(AnalysisStatus.Failed, startedAt, null, null, "The run's results could not be read.", [], string.Empty);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Session {SessionId}: analysis started by {User} as process {Pid}")]
    private partial void LogStarted(string sessionId, string user, int pid);
}
