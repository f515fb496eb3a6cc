namespace Portal.Domain.LaunchPlans;

/// <summary>
/// The CloudFormation templates a session uses and the parameter names the portal passes to them.
/// infra-cdk declares the same names; a contract test keeps the two lists equal.
/// </summary>
public static class SessionStackParameters
{
    public const string SchedulerTemplate = "SessionScheduler";
    public const string WorkersTemplate = "SessionWorkers";

    public const string SessionId = "SessionId";
    public const string Image = "Image";
    public const string Cpu = "Cpu";
    public const string Memory = "Memory";
    public const string SchedulerAddress = "SchedulerAddress";
    public const string WorkerCount = "WorkerCount";
    public const string WorkerSize = "WorkerSize";
    public const string PoolName = "PoolName";

    /// <summary>Parameter names each template takes, in the order the portal writes them.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> ByTemplate { get; } = new Dictionary<string, IReadOnlyList<string>>
    {
        [SchedulerTemplate] = [SessionId, Image, Cpu, Memory],
        // Workers get the same image as the scheduler: a client and a scheduler of different Dask versions fail in confusing ways.
        [WorkersTemplate] = [SessionId, Image, SchedulerAddress, WorkerCount, WorkerSize, PoolName],
    };
}
