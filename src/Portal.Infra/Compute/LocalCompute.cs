namespace Portal.Infra.Compute;

/// <summary>The names local steps are recorded with, so a session launched with real compute is driven by the local handler for life.</summary>
internal static class LocalCompute
{
    /// <summary>The scheduler step's template: a <c>dask scheduler</c> process.</summary>
    public const string SchedulerTemplate = "LocalDaskScheduler";

    /// <summary>A worker step's template: one <c>dask worker</c> process group for the region's pool.</summary>
    public const string WorkersTemplate = "LocalDaskWorkers";

    /// <summary>The notebook step's instance type: a Jupyter server on loopback.</summary>
    public const string JupyterInstanceType = "local-jupyter";

    public const string PortParameter = "Port";

    public const string LocalWorkersParameter = "LocalWorkers";

    public const string ThreadsParameter = "Threads";

    public static bool IsLocal(Domain.Sessions.StepSpec spec) =>
        spec.Template is SchedulerTemplate or WorkersTemplate || spec.Parameter(Domain.Sessions.StepSpec.InstanceTypeParameter) == JupyterInstanceType;
}
