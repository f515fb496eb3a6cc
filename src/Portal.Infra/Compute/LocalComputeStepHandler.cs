using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Domain.LaunchPlans;
using Portal.Domain.Sessions;
using Portal.Infra.Notebooks;
using Portal.Infra.Orchestration;
using Portal.Infra.Sandbox;
using Portal.Infra.Sessions;

namespace Portal.Infra.Compute;

/// <summary>
/// Real compute steps: the scheduler, each region's worker group and the Jupyter notebook are processes on this
/// machine, started, followed and ended like the stacks they stand for. Processes outlive the portal (their own
/// process group), so a restarted portal finds them through their pid files and carries on.
/// </summary>
internal sealed partial class LocalComputeStepHandler(
    LocalComputePaths paths,
    LocalComputeProbe probe,
    ISessionStore store,
    SessionCostTokens tokens,
    IOptions<SandboxOptions> options,
    TimeProvider clock,
    ILogger<LocalComputeStepHandler> logger) : IStepHandler
{
    /// <summary>How long processes asked to end (SIGTERM) get before they are made to (SIGKILL).</summary>
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(10);

    public bool Handles(StepSpec spec) => LocalCompute.IsLocal(spec);

    public async Task<bool> CreateAsync(Session session, SessionStep step, CancellationToken cancellationToken)
    {
        var folder = paths.Session(session.Id);
        folder.Create();
        var pidFile = folder.PidFile(step.ResourceName);
        if (LocalProcess.Read(pidFile) is { } existing && LocalProcess.IsRunning(existing))
        {
            return true;
        }

        var (program, arguments, environment) = step.Kind switch
        {
            StepKind.Scheduler => Scheduler(folder, step),
            StepKind.Workers => Workers(session, folder, step),
            _ => await NotebookAsync(session, folder, step, cancellationToken),
        };
        File.Delete(folder.StoppingFile(step.ResourceName));
        var record = LocalProcess.Start(program, arguments, environment, folder.Path, folder.LogFile(step.ResourceName), pidFile);
        LocalSessionFolder.Mark(folder.StartedFile(step.ResourceName), clock.GetUtcNow());
        LogStarted(session.Id.Value, step.ResourceName, record.Pid);
        return false;
    }

    public async Task<StepObservation> DescribeAsync(Session session, SessionStep step, CancellationToken cancellationToken)
    {
        var folder = paths.Session(session.Id);
        if (LocalProcess.Read(folder.PidFile(step.ResourceName)) is not { } record)
        {
            return StepObservation.Missing;
        }

        if (!LocalProcess.IsRunning(record))
        {
            var tail = LocalProcess.Tail(folder.LogFile(step.ResourceName));
            return new(StepCondition.Failed, "EXITED", $"{Describe(step)} exited{(tail.Length > 0 ? ": " + tail : ".")}");
        }

        var (ready, progress) = step.Kind switch
        {
            StepKind.Scheduler => await probe.SchedulerAnswersAsync(folder, cancellationToken),
            StepKind.Workers => await WorkersJoinedAsync(folder, step, cancellationToken),
            _ => await probe.JupyterAnswersAsync(folder, step.ResourceName, cancellationToken),
        };
        if (ready)
        {
            return new(StepCondition.Created, "RUNNING", progress);
        }

        var started = folder.StartedAt(step.ResourceName) ?? clock.GetUtcNow();
        if (clock.GetUtcNow() - started > options.Value.LocalStartTimeout)
        {
            var tail = LocalProcess.Tail(folder.LogFile(step.ResourceName));
            return new(StepCondition.Failed, "TIMED_OUT",
                $"{Describe(step)} was not ready after {options.Value.LocalStartTimeout.TotalSeconds:0} s ({progress}){(tail.Length > 0 ? ": " + tail : ".")}");
        }

        return new(StepCondition.Creating, "STARTING", progress);
    }

    public Task<StepObservation> DeleteAsync(Session session, SessionStep step, CancellationToken cancellationToken)
    {
        var folder = paths.Session(session.Id);
        if (LocalProcess.Read(folder.PidFile(step.ResourceName)) is not { } record || !LocalProcess.IsRunning(record))
        {
            return Task.FromResult(StepObservation.Missing);
        }

        if (step.Kind == StepKind.Notebook)
        {
            // A headless run of the notebook is the notebook's too: it ends with it.
            LocalAnalysisRunner.End(folder);
        }

        var now = clock.GetUtcNow();
        if (folder.StoppingSince(step.ResourceName) is { } since)
        {
            // Asked already: a group that ignores SIGTERM for the grace period is killed.
            LocalProcess.Signal(record, force: now - since >= StopGrace);
            return Task.FromResult(new StepObservation(StepCondition.Deleting, "STOPPING"));
        }

        LocalSessionFolder.Mark(folder.StoppingFile(step.ResourceName), now);
        LocalProcess.Signal(record, force: false);
        LogStopping(session.Id.Value, step.ResourceName, record.Pid);
        return Task.FromResult(new StepObservation(StepCondition.Deleting, "STOPPING"));
    }

    private (string, IReadOnlyList<string>, IReadOnlyDictionary<string, string>) Scheduler(LocalSessionFolder folder, SessionStep step)
    {
        var port = step.Spec.Parameter(LocalCompute.PortParameter) ?? "0";
        File.Delete(folder.SchedulerFile);
        return (paths.Python,
            ["-m", "distributed.cli.dask_scheduler", "--host", "127.0.0.1", "--port", port,
             "--dashboard-address", "127.0.0.1:0", "--scheduler-file", folder.SchedulerFile],
            Environment(folder));
    }

    private (string, IReadOnlyList<string>, IReadOnlyDictionary<string, string>) Workers(Session session, LocalSessionFolder folder, SessionStep step)
    {
        var spec = step.Spec;
        var region = step.Region.Value;
        var threads = spec.Parameter(LocalCompute.ThreadsParameter) ?? "1";
        var workers = spec.Parameter(LocalCompute.LocalWorkersParameter) ?? "1";
        var pool = spec.Parameter(SessionStackParameters.PoolName) ?? LaunchPlanner.PoolName(step.Region);
        // The pool's sample data first (made once, from a fixed seed), then the workers: one launcher process does both.
        var dataSpec = Path.Combine(folder.Path, step.ResourceName + ".data.json");
        LocalProcess.WriteAtomically(dataSpec, JsonSerializer.Serialize(SampleDataRequest.For(session, step.Region, paths.DataRoot), LocalSessionFolder.JsonOptions));
        var environment = new Dictionary<string, string>(Environment(folder))
        {
                ["PORTAL_POOL_REGION"] = region,
            ["PORTAL_DATA_ROOT"] = paths.DataRoot,
            ["PORTAL_POOL_DATA"] = Path.Combine(paths.DataRoot, region),
        };
        return (paths.Python,
            ["-m", "portal_sandbox.pool", dataSpec, "--",
             "--scheduler-file", folder.SchedulerFile, "--host", "127.0.0.1", "--nworkers", workers, "--nthreads", threads,
             "--resources", $"{pool}={threads}", "--name", region, "--dashboard-address", "127.0.0.1:0",
             // Each worker refuses reads of another region's folder, as FSx mounts only the region's own data on AWS.
             "--preload", "portal_sandbox.isolation",
             "--local-directory", Path.Combine(folder.Path, "dask-" + region)],
            environment);
    }

    private async Task<(string, IReadOnlyList<string>, IReadOnlyDictionary<string, string>)> NotebookAsync(
        Session session, LocalSessionFolder folder, SessionStep step, CancellationToken cancellationToken)
    {
        var spec = step.Spec;
        var document = spec.Document
                       ?? await store.FindStepDocumentAsync(session.Id, step.ResourceName, cancellationToken)
                       ?? throw new InvalidOperationException($"Session {session.Id} has no notebook document recorded.");
        var fileName = spec.Parameter(StepSpec.FileNameParameter) ?? NotebookWriter.FileName(session.Id);
        var notebookPath = Path.Combine(folder.NotebookDirectory, fileName);
        if (!File.Exists(notebookPath))
        {
            // The token goes into the file the kernel reads (as on a SageMaker instance), never into the database.
            LocalProcess.WriteAtomically(notebookPath, document.Replace(NotebookWriter.TokenPlaceholder, tokens.Issue(session), StringComparison.Ordinal));
        }

        var port = LocalSessionFolder.FreeLoopbackPort();
        LocalProcess.WriteAtomically(JupyterFiles.PortFile(folder, step.ResourceName), port.ToString(CultureInfo.InvariantCulture));
        var jupyterPath = JupyterFiles.WriteKernel(folder, paths.Python, LocalComputePaths.HelperPath, paths.DataRoot);
        var environment = new Dictionary<string, string>(Environment(folder))
        {
            ["JUPYTER_PATH"] = jupyterPath,
            ["JUPYTER_CONFIG_DIR"] = Path.Combine(folder.Path, "jupyter-config"),
            ["JUPYTER_RUNTIME_DIR"] = folder.JupyterRuntimeDirectory,
            ["JUPYTER_DATA_DIR"] = Path.Combine(folder.Path, "jupyter-data"),
            // In the environment, not on the command line: other users of the machine can read command lines (ps).
            ["JUPYTER_TOKEN"] = folder.Secret(JupyterFiles.TokenName),
        };
        return (paths.Python,
            ["-m", "notebook", "--no-browser", "--allow-root", "--ip=127.0.0.1", $"--port={port.ToString(CultureInfo.InvariantCulture)}", "--port-retries=0",
             $"--NotebookApp.notebook_dir={folder.NotebookDirectory}",
             "--NotebookApp.log_level=WARN"],
            environment);
    }

    private async Task<(bool, string)> WorkersJoinedAsync(LocalSessionFolder folder, SessionStep step, CancellationToken cancellationToken)
    {
        var expected = int.Parse(step.Spec.Parameter(LocalCompute.LocalWorkersParameter) ?? "1", CultureInfo.InvariantCulture);
        var pool = step.Spec.Parameter(SessionStackParameters.PoolName) ?? LaunchPlanner.PoolName(step.Region);
        var joined = await probe.WorkersInPoolAsync(folder, pool, cancellationToken);
        return (joined >= expected, $"{joined} of {expected} workers joined {pool}");
    }

    private Dictionary<string, string> Environment(LocalSessionFolder folder) => new()
    {
        ["PYTHONPATH"] = LocalComputePaths.HelperPath,
        ["PYTHONUNBUFFERED"] = "1",
        ["DASK_TEMPORARY_DIRECTORY"] = folder.Path,
        // Dask's own config files in the user's home must not change a session.
        ["DASK_CONFIG"] = Path.Combine(folder.Path, "dask-config"),
        // Matplotlib builds its font cache once for every session, not once per session.
        ["MPLCONFIGDIR"] = Path.Combine(paths.Root, "cache", "matplotlib"),
    };

    private static string Describe(SessionStep step) => step.Kind switch
    {
        StepKind.Scheduler => "The Dask scheduler",
        StepKind.Workers => $"The Dask workers of {step.Region}",
        _ => "The Jupyter server",
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Session {SessionId}: started {ResourceName} as process {Pid}")]
    private partial void LogStarted(string sessionId, string resourceName, int pid);

    [LoggerMessage(Level = LogLevel.Information, Message = "Session {SessionId}: stopping {ResourceName} (process group {Pid})")]
    private partial void LogStopping(string sessionId, string resourceName, int pid);
}
