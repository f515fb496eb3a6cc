using System.Globalization;
using Microsoft.Extensions.Options;
using Portal.Domain.LaunchPlans;
using Portal.Infra.Sandbox;

namespace Portal.Infra.Compute;

/// <summary>
/// Real compute on this machine: the scheduler listens on a loopback port chosen now, each region's pool is a group of
/// local Dask workers reading that region's sample data folder, and the notebook is a Jupyter server.
/// </summary>
internal sealed class LocalPlacement(LocalComputePaths paths, IOptions<SandboxOptions> options) : IComputePlacement
{
    public string? DataRoot => paths.DataRoot;

    public LaunchPlan Place(LaunchPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var port = LocalSessionFolder.FreeLoopbackPort();
        var address = $"tcp://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}";
        var sandbox = options.Value;
        var stacks = plan.Stacks.Select(stack => stack.Kind switch
        {
            Domain.Sessions.StepKind.Scheduler => stack with
            {
                Template = LocalCompute.SchedulerTemplate,
                Parameters = new Dictionary<string, string>(stack.Parameters)
                {
                    [LocalCompute.PortParameter] = port.ToString(CultureInfo.InvariantCulture),
                },
            },
            Domain.Sessions.StepKind.Workers => stack with
            {
                Template = LocalCompute.WorkersTemplate,
                Parameters = new Dictionary<string, string>(stack.Parameters)
                {
                    [SessionStackParameters.SchedulerAddress] = address,
                    [LocalCompute.LocalWorkersParameter] = Math.Min(sandbox.LocalWorkersPerPool, int.Parse(stack.Parameters[SessionStackParameters.WorkerCount], CultureInfo.InvariantCulture)).ToString(CultureInfo.InvariantCulture),
                    [LocalCompute.ThreadsParameter] = sandbox.LocalThreadsPerWorker.ToString(CultureInfo.InvariantCulture),
                },
            },
            _ => stack,
        }).ToList();
        return plan with
        {
            SchedulerAddress = address,
            Stacks = stacks,
            Notebook = plan.Notebook with { InstanceType = LocalCompute.JupyterInstanceType },
        };
    }
}
