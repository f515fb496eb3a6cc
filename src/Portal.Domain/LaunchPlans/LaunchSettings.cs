namespace Portal.Domain.LaunchPlans;

/// <summary>Deployment-wide choices a launch plan needs besides the user's request.</summary>
/// <param name="DaskImage">The container image for scheduler and workers (dask and distributed pinned together).</param>
/// <param name="SchedulerCpu">Fargate CPU units for the scheduler (1024 = 1 vCPU).</param>
/// <param name="SchedulerMemory">Fargate memory for the scheduler in MiB.</param>
/// <param name="ServiceNamespace">The Cloud Map private namespace the schedulers register in.</param>
/// <param name="NotebookInstanceType">The SageMaker instance type of the session's notebook.</param>
public sealed record LaunchSettings(
    string DaskImage,
    int SchedulerCpu,
    int SchedulerMemory,
    string ServiceNamespace,
    string NotebookInstanceType)
{
    /// <remarks>Defaults: 1 vCPU and 4 GiB for the scheduler, namespace <c>portal.internal</c>, ml.t3.2xlarge notebooks.</remarks>
    public static LaunchSettings Default { get; } = new(
        "ghcr.io/dask/dask:2024.12.1-py3.12",
        1024,
        4096,
        "portal.internal",
        "ml.t3.2xlarge");

    /// <summary>
    /// The Jupyter kernel the notebook lifecycle configuration installs (with the pinned Dask client); generated
    /// notebooks ask for it. infra-cdk registers the same name; a contract test keeps the two equal.
    /// </summary>
    public const string NotebookKernelName = "portal-dask";

    public double SchedulerVcpu => SchedulerCpu / 1024.0;

    public double SchedulerMemoryGb => SchedulerMemory / 1024.0;
}
