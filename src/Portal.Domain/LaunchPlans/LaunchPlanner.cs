using System.Globalization;
using Portal.Domain.Datasets;
using Portal.Domain.Regions;
using Portal.Domain.Sessions;

namespace Portal.Domain.LaunchPlans;

/// <summary>Turns a valid <see cref="SessionRequest"/> into a <see cref="LaunchPlan"/>.</summary>
public sealed class LaunchPlanner(IRegionDirectory directory, DatasetCatalog datasets, LaunchSettings settings)
{
    public const int DaskSchedulerPort = 8786;

    public LaunchPlan Plan(SessionId sessionId, SessionRequest request)
    {
        // The request was validated once, at launch (SessionRequestValidator); the plan is recorded, never made again.
        ArgumentNullException.ThrowIfNull(request);
        var regions = directory.Current;
        var home = regions.Home.Code;
        var schedulerAddress = SchedulerAddressFor(sessionId);
        var pools = request.Datasets
            .Distinct()
            .Select(datasets.Get)
            .GroupBy(d => d.Location.Region)
            .OrderBy(g => g.Key.Value, StringComparer.Ordinal)
            .Select(g =>
            {
                if (!regions.Contains(g.Key) || regions.Get(g.Key).Role != RegionRole.Worker)
                {
                    throw new DomainException($"Region {g.Key} holds {g.First().Name} but is not a worker region.");
                }

                if (!regions.RunsWorkersIn(g.Key))
                {
                    throw new DomainException(RegionCatalog.DisabledMessage(regions.Get(g.Key), g.First().Name));
                }

                return new WorkerPool(g.Key, PoolName(g.Key), request.WorkersPerRegion, request.WorkerSize, [.. g]);
            })
            .ToList();

        var scheduler = SchedulerSize.For(pools.Sum(p => p.Workers), settings);
        var stacks = new List<StackSpec>
        {
            new(StepKind.Scheduler, home, StackName(sessionId, "scheduler"), SessionStackParameters.SchedulerTemplate,
                new Dictionary<string, string>
                {
                    [SessionStackParameters.SessionId] = sessionId.Value,
                    [SessionStackParameters.Image] = settings.DaskImage,
                    [SessionStackParameters.Cpu] = scheduler.Cpu.ToString(CultureInfo.InvariantCulture),
                    [SessionStackParameters.Memory] = scheduler.Memory.ToString(CultureInfo.InvariantCulture),
                }),
        };
        stacks.AddRange(pools.Select(pool => new StackSpec(
            StepKind.Workers,
            pool.Region,
            StackName(sessionId, "workers-" + pool.Region.Value),
            SessionStackParameters.WorkersTemplate,
            new Dictionary<string, string>
            {
                [SessionStackParameters.SessionId] = sessionId.Value,
                [SessionStackParameters.Image] = settings.DaskImage,
                [SessionStackParameters.SchedulerAddress] = schedulerAddress,
                [SessionStackParameters.WorkerCount] = pool.Workers.ToString(CultureInfo.InvariantCulture),
                [SessionStackParameters.WorkerSize] = pool.WorkerSize,
                [SessionStackParameters.PoolName] = pool.PoolName,
            })));

        var notebook = new NotebookSpec(home, $"portal-{sessionId.Value}", settings.NotebookInstanceType);
        return new LaunchPlan(sessionId, home, schedulerAddress, pools, stacks, notebook);
    }

    /// <summary>The Dask resource name workers of a region advertise: <c>pool-us-east-1</c>.</summary>
    public static string PoolName(RegionCode region) => "pool-" + region.Value;

    /// <summary>Stack names all start with <c>portal-</c>: the IAM policy allows nothing else.</summary>
    public static string StackName(SessionId sessionId, string suffix) => $"portal-{sessionId.Value}-{suffix}";

    public string SchedulerAddressFor(SessionId sessionId) =>
        $"tcp://scheduler.{sessionId.Value}.{settings.ServiceNamespace}:{DaskSchedulerPort}";
}
