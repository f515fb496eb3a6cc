using Portal.Domain.Datasets;
using Portal.Domain.Regions;
using Portal.Domain.Sessions;

namespace Portal.Domain.LaunchPlans;

/// <summary>One CloudFormation stack the launch creates.</summary>
public sealed record StackSpec(
    StepKind Kind,
    RegionCode Region,
    string StackName,
    string Template,
    IReadOnlyDictionary<string, string> Parameters);

/// <summary>The Dask workers of one region, next to the datasets they read.</summary>
public sealed record WorkerPool(RegionCode Region, string PoolName, int Workers, string WorkerSize, IReadOnlyList<Dataset> Datasets);

/// <summary>The SageMaker notebook instance the user opens at the end.</summary>
public sealed record NotebookSpec(RegionCode Region, string InstanceName, string InstanceType);

/// <summary>
/// Everything a launch creates, derived from a request: a scheduler in the home region, one worker pool in
/// every region that holds a selected dataset, and the notebook last. Scheduler and workers start in parallel
/// because the scheduler's address is known in advance (Cloud Map name).
/// </summary>
public sealed record LaunchPlan(
    SessionId SessionId,
    RegionCode HomeRegion,
    string SchedulerAddress,
    IReadOnlyList<WorkerPool> Pools,
    IReadOnlyList<StackSpec> Stacks,
    NotebookSpec Notebook)
{
    /// <summary>
    /// The steps a session records at launch, in plan order (scheduler, workers by region, notebook): what each creates,
    /// with the session's tags. The notebook's document is attached once it is written (it needs the session).
    /// </summary>
    public IReadOnlyList<StepSpec> ToSteps(IReadOnlyDictionary<string, string> tags, string notebookFileName)
    {
        ArgumentNullException.ThrowIfNull(tags);
        var steps = Stacks
            .Select(stack => new StepSpec(stack.Kind, stack.Region, stack.StackName, stack.Template, stack.Parameters, tags))
            .ToList();
        steps.Add(new StepSpec(
            StepKind.Notebook,
            Notebook.Region,
            Notebook.InstanceName,
            StepSpec.NotebookTemplate,
            new Dictionary<string, string>
            {
                [StepSpec.InstanceTypeParameter] = Notebook.InstanceType,
                [StepSpec.FileNameParameter] = notebookFileName,
            },
            tags));
        return steps;
    }
}
