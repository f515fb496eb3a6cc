using System.Globalization;

namespace Portal.Domain.LaunchPlans;

/// <summary>
/// The Fargate size of a session's Dask scheduler, from how many workers it coordinates: the scheduler keeps every
/// task's state and talks to every worker, so a large session needs a larger one (the AWS sample used 16 vCPU / 32 GiB
/// for its 50-worker pools). Never below the deployment's configured size. Every size is a CPU/memory pair Fargate
/// supports (Amazon ECS task CPU and memory table).
/// </summary>
/// <param name="Cpu">Fargate CPU units (1024 = 1 vCPU).</param>
/// <param name="Memory">Fargate memory in MiB.</param>
public sealed record SchedulerSize(int Cpu, int Memory)
{
    // Total workers at most → size. 1 vCPU / 4 GiB up to 10 workers, then doubling to 16 vCPU / 32 GiB past 100.
    private static readonly (int MaxWorkers, SchedulerSize Size)[] Steps =
    [
        (10, new(1024, 4096)),
        (25, new(2048, 8192)),
        (50, new(4096, 16384)),
        (100, new(8192, 32768)),
        (int.MaxValue, new(16384, 32768)),
    ];

    public double Vcpu => Cpu / 1024.0;

    public double MemoryGb => Memory / 1024.0;

    /// <summary>The size for <paramref name="totalWorkers"/> workers across every pool, at least <paramref name="configured"/>'s.</summary>
    public static SchedulerSize For(int totalWorkers, LaunchSettings configured)
    {
        ArgumentNullException.ThrowIfNull(configured);
        var sized = Steps.First(s => Math.Max(0, totalWorkers) <= s.MaxWorkers).Size;
        return sized.Cpu >= configured.SchedulerCpu && sized.Memory >= configured.SchedulerMemory
            ? sized
            : new SchedulerSize(Math.Max(sized.Cpu, configured.SchedulerCpu), Math.Max(sized.Memory, configured.SchedulerMemory));
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Vcpu:0.##} vCPU, {MemoryGb:0.##} GB");
}
