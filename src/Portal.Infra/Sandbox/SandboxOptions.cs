using System.ComponentModel.DataAnnotations;

namespace Portal.Infra.Sandbox;

/// <summary>How the sandbox cloud behaves. Durations are compressed so the whole journey takes seconds.</summary>
public sealed class SandboxOptions
{
    public const string SectionName = "Sandbox";

    /// <summary>How long creating a stack takes.</summary>
    /// <remarks>Defaults to 4 seconds.</remarks>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00", ErrorMessage = "Sandbox:StackCreateDuration must be between 00:00:00 and 1.00:00:00 (one day).")]
    public TimeSpan StackCreateDuration { get; set; } = TimeSpan.FromSeconds(4);

    /// <summary>Per-template overrides of <see cref="StackCreateDuration"/>, keyed by template name (SessionScheduler, SessionWorkers, RegionFoundation).</summary>
    public Dictionary<string, TimeSpan> StackCreateDurations { get; set; } = [];

    /// <summary>How long deleting a stack takes.</summary>
    /// <remarks>Defaults to 3 seconds.</remarks>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00", ErrorMessage = "Sandbox:StackDeleteDuration must be between 00:00:00 and 1.00:00:00 (one day).")]
    public TimeSpan StackDeleteDuration { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>How long a notebook instance stays Pending.</summary>
    /// <remarks>Defaults to 3 seconds.</remarks>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00", ErrorMessage = "Sandbox:NotebookCreateDuration must be between 00:00:00 and 1.00:00:00 (one day).")]
    public TimeSpan NotebookCreateDuration { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>How long stopping, and deleting, a notebook instance takes.</summary>
    /// <remarks>Defaults to 2 seconds.</remarks>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00", ErrorMessage = "Sandbox:NotebookStopDuration must be between 00:00:00 and 1.00:00:00 (one day).")]
    public TimeSpan NotebookStopDuration { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Stacks whose name contains this text fail and roll back, to try the failure path.</summary>
    /// <remarks>Defaults to none.</remarks>
    public string? FailStacksContaining { get; set; }

    /// <summary>Fail only the first attempt of those stacks (a Retry, with its new create token, then succeeds), to try Retry.</summary>
    /// <remarks>Defaults to false: every attempt fails.</remarks>
    public bool FailFirstAttemptOnly { get; set; }

    /// <summary>How long a presigned notebook URL can be used to open the notebook.</summary>
    /// <remarks>Defaults to 5 minutes, as in SageMaker.</remarks>
    [Range(typeof(TimeSpan), "00:00:10", "01:00:00")]
    public TimeSpan PresignedUrlLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How often a session marked busy ("Simulate busy" on its page) reports Dask activity.</summary>
    /// <remarks>Defaults to 30 seconds.</remarks>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan ActivityInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Whether sessions run real processes (a Dask scheduler, one worker group per region, Jupyter) or only imitate
    /// them: <see cref="SandboxComputeMode.Auto"/> runs them when <see cref="Python"/> has Debian's Dask stack.
    /// </summary>
    /// <remarks>Defaults to Auto.</remarks>
    public SandboxComputeMode Compute { get; set; } = SandboxComputeMode.Auto;

    /// <summary>The Python interpreter real compute runs with (Debian's, where apt installs python3-distributed).</summary>
    /// <remarks>Defaults to /usr/bin/python3.</remarks>
    public string Python { get; set; } = "/usr/bin/python3";

    /// <summary>Dask worker processes per region with real compute, whatever the form asked (this machine is small).</summary>
    /// <remarks>Defaults to 2.</remarks>
    [Range(1, 8, ErrorMessage = "Sandbox:LocalWorkersPerPool must be between 1 and 8.")]
    public int LocalWorkersPerPool { get; set; } = 2;

    /// <summary>Threads per local Dask worker; the pool resource each worker advertises is the same number.</summary>
    /// <remarks>Defaults to 2.</remarks>
    [Range(1, 16, ErrorMessage = "Sandbox:LocalThreadsPerWorker must be between 1 and 16.")]
    public int LocalThreadsPerWorker { get; set; } = 2;

    /// <summary>How long a local process may take to be ready (scheduler answering, workers joined, Jupyter up) before its step fails.</summary>
    /// <remarks>Defaults to 2 minutes.</remarks>
    [Range(typeof(TimeSpan), "00:00:05", "00:30:00", ErrorMessage = "Sandbox:LocalStartTimeout must be between 00:00:05 and 00:30:00.")]
    public TimeSpan LocalStartTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The key of SageMaker's notebook-instance quota (of any instance type) in <see cref="ServiceQuotas"/>.</summary>
    public const string NotebookInstancesQuota = "NotebookInstances";

    /// <summary>
    /// Roughly what an established AWS account has: 1152 On-Demand Standard vCPUs (L-1216C47A; new accounts often get far
    /// less), 4000 Fargate vCPUs (L-3032A538), 5 Elastic IPs (L-0263D0A3) and 50 notebook instances of a type; generous
    /// enough that the sandbox's demos and tests meet a service quota only where they configure a lower one.
    /// </summary>
    public static IReadOnlyDictionary<string, double> DefaultServiceQuotas { get; } = new Dictionary<string, double>(StringComparer.Ordinal)
    {
        ["L-1216C47A"] = 1152,
        ["L-3032A538"] = 4000,
        ["L-0263D0A3"] = 5,
        [NotebookInstancesQuota] = 50,
    };

    /// <summary>
    /// The sandbox's service quotas by code (<c>Sandbox:ServiceQuotas:L-1216C47A</c>), and <c>NotebookInstances</c> for
    /// SageMaker notebook instances; the same in every region. Unset ones take <see cref="DefaultServiceQuotas"/>.
    /// </summary>
    public Dictionary<string, double> ServiceQuotas { get; set; } = [];

    public TimeSpan CreateDurationFor(string template) =>
        StackCreateDurations.TryGetValue(template, out var duration) ? duration : StackCreateDuration;
}

/// <summary>How the sandbox runs a session's compute.</summary>
public enum SandboxComputeMode
{
    /// <summary>Real processes when the Python packages are installed, otherwise simulated.</summary>
    Auto,

    /// <summary>Real processes; the portal does not start without the Python packages.</summary>
    Local,

    /// <summary>Statuses only, as CloudFormation and SageMaker would report them; nothing runs.</summary>
    Simulated,
}
