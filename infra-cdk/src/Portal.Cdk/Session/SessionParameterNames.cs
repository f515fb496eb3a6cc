namespace Portal.Cdk.Session;

/// <summary>
/// Parameter names of the session templates. The portal's copy is Portal.Domain's SessionStackParameters; the
/// contract test in Portal.Cdk.Tests keeps the two equal.
/// </summary>
internal static class SessionParameterNames
{
    public const string SessionId = "SessionId";
    public const string Image = "Image";
    public const string Cpu = "Cpu";
    public const string Memory = "Memory";
    public const string SchedulerAddress = "SchedulerAddress";
    public const string WorkerCount = "WorkerCount";
    public const string WorkerSize = "WorkerSize";
    public const string PoolName = "PoolName";

    /// <summary>SessionId values: <c>s-</c> and ten characters of the domain's alphabet.</summary>
    public const string SessionIdPattern = "^s-[0-9a-z]{10}$";
}
