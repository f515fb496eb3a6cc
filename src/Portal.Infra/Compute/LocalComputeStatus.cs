using Portal.Domain.Cloud;
using Portal.Domain.Sessions;

namespace Portal.Infra.Compute;

/// <summary>What the sandbox found at start: real compute with <see cref="PythonStack"/>, or simulation and why.</summary>
internal sealed class LocalComputeStatus(bool isReal, PythonStack? stack, LocalComputePaths paths) : ILocalCompute
{
    public bool IsReal => isReal;

    public string Summary => (isReal, stack) switch
    {
        (true, _) => $"Real compute: a Dask scheduler, a worker group per region and Jupyter run on this machine ({stack?.Interpreter}).",
        (false, { IsComplete: false } s) => $"Simulated compute: nothing runs. For real Dask and Jupyter on this machine: {s.InstallCommand}",
        _ => "Simulated compute: nothing runs (Sandbox:Compute is Simulated).",
    };

    public Uri? DashboardFor(SessionId id) => LocalComputeProbe.DashboardUri(paths.Session(id), stack?.HasBokeh ?? false);
}
