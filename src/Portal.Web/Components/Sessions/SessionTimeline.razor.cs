using Microsoft.AspNetCore.Components;
using MudBlazor;
using Portal.Domain.Datasets;
using Portal.Domain.Regions;
using Portal.Domain.Sessions;

namespace Portal.Web.Components.Sessions;

/// <summary>
/// A session as a data scientist reads it: per region, the Dask pool (workers requested, and joined once the session
/// reports them) or the scheduler and the notebook, a progress bar against the time earlier sessions took, and the
/// cloud's own words (stack names, statuses, every event) behind Details.
/// </summary>
public sealed partial class SessionTimeline
{
    /// <summary>The session whose regions to show.</summary>
    [Parameter, EditorRequired]
    public required Session Session { get; set; }

    /// <summary>The session's events, oldest first.</summary>
    [Parameter, EditorRequired]
    public required IReadOnlyList<SessionEvent> Events { get; set; }

    /// <summary>The home region, listed first.</summary>
    [Parameter, EditorRequired]
    public required RegionCode HomeRegion { get; set; }

    /// <summary>What earlier sessions took, for the expected time of each region.</summary>
    /// <remarks>Defaults to <see cref="StepDurations.None"/> (no expectation).</remarks>
    [Parameter]
    public StepDurations Durations { get; set; } = StepDurations.None;

    /// <summary>The session's latest data locality figure: it says how many workers joined each pool.</summary>
    [Parameter]
    public DataLocality? Locality { get; set; }

    /// <summary>The time the progress is measured at.</summary>
    [Parameter, EditorRequired]
    public required DateTimeOffset Now { get; set; }

    [Inject]
    private IRegionDirectory RegionDirectory { get; set; } = default!;

    /// <summary>The regions now (an admin may add or disable one while the page is open).</summary>
    private RegionCatalog Regions => RegionDirectory.Current;

    [Inject]
    private DatasetCatalog Catalog { get; set; } = default!;

    private IEnumerable<RegionCode> RegionsInOrder() =>
        Session.Steps.Select(s => s.Region).Distinct().OrderBy(r => r == HomeRegion ? 0 : 1).ThenBy(r => r.Value, StringComparer.Ordinal);

    private IEnumerable<SessionStep> StepsIn(RegionCode region) => Session.Steps.Where(s => s.Region == region).OrderBy(s => s.Order);

    /// <summary>Every event of the step, oldest first: Details lists them all.</summary>
    private List<SessionEvent> EventsOf(SessionStep step) => [.. Events.Where(e => e.ResourceName == step.ResourceName)];

    private string? RegionName(RegionCode region) => Regions.All.FirstOrDefault(r => r.Code == region)?.DisplayName;

    private long? JoinedIn(RegionCode region) => Locality?.Pools.FirstOrDefault(p => p.Region == region)?.Workers;

    /// <summary>The session's datasets in the region; a dataset an import has since removed still shows, by its id.</summary>
    private List<string> DatasetsIn(RegionCode region) =>
        [.. Session.Request.Datasets
            .Select(id => Catalog.TryGetAny(id, out var dataset) ? dataset : null)
            .OfType<Dataset>()
            .Where(d => d.Location.Region == region)
            .Select(d => d.Name)];

    private static string KindLabel(SessionStep step) => step.Kind switch
    {
        StepKind.Scheduler => "Dask scheduler",
        StepKind.Workers => "Dask workers",
        StepKind.Notebook => step.Spec.Parameter(StepSpec.InstanceTypeParameter) is { } type ? $"Notebook ({type})" : "Notebook",
        _ => step.Kind.ToString(),
    };

    private static string StatusLabel(SessionStep step) => step.Status switch
    {
        StepStatus.Pending => "Waiting",
        StepStatus.InProgress => "In progress",
        StepStatus.Complete => "Complete",
        StepStatus.Failed => "Failed",
        StepStatus.Deleting => "Deleting",
        StepStatus.Deleted => "Deleted",
        _ => step.Status.ToString(),
    };

    /// <summary>How long creating the step took, once it was created.</summary>
    private static string? Took(SessionStep step) =>
        step is { Status: StepStatus.Complete, StartedAt: { } start, CompletedAt: { } end } && end >= start
            ? HumanDuration.Format(end - start)
            : null;

    private static string ProgressText(RegionProgress progress) => progress switch
    {
        { Phase: RegionPhase.Waiting } => "Waiting to start.",
        { Phase: RegionPhase.Starting, Remaining: { } left, Expected: { } usual } when left > TimeSpan.Zero =>
            $"About {HumanDuration.Format(left)} left: this usually takes {HumanDuration.Format(usual.Typical)} ({Measured(usual)}).",
        { Phase: RegionPhase.Starting, Expected: { } usual } =>
            $"Taking longer than the usual {HumanDuration.Format(usual.Typical)} ({Measured(usual)}); still starting.",
        { Phase: RegionPhase.Starting, Elapsed: { } elapsed } =>
            $"Starting for {HumanDuration.Format(elapsed)}; no earlier session to tell how long it takes.",
        { Phase: RegionPhase.Ready, Elapsed: { } took } => $"Ready in {HumanDuration.Format(took)}.",
        { Phase: RegionPhase.Ready } => "Ready.",
        { Phase: RegionPhase.Failed } => "Failed: see the message below, and Details.",
        { Phase: RegionPhase.Deleting } => "Deleting its resources.",
        { Phase: RegionPhase.Deleted } => "Deleted: it no longer costs.",
        _ => progress.Phase.ToString(),
    };

    private static string Measured(ExpectedDuration expected) =>
        expected.Measured == 1 ? "from 1 earlier start" : $"median of {expected.Measured} earlier starts";

    private static bool IsIndeterminate(RegionProgress progress) =>
        progress.Phase is RegionPhase.Deleting || (progress.Phase == RegionPhase.Starting && progress.Expected is null);

    private static Color BarColour(RegionProgress progress) => progress.Phase switch
    {
        RegionPhase.Ready => Color.Success,
        RegionPhase.Failed => Color.Error,
        RegionPhase.Deleting or RegionPhase.Deleted => Color.Default,
        _ => Color.Primary,
    };

    private static string Icon(StepStatus status) => status switch
    {
        StepStatus.Complete => Icons.Material.Filled.CheckCircle,
        StepStatus.Failed => Icons.Material.Filled.Error,
        StepStatus.InProgress => Icons.Material.Filled.Autorenew,
        StepStatus.Deleting => Icons.Material.Outlined.DeleteSweep,
        StepStatus.Deleted => Icons.Material.Outlined.RemoveCircleOutline,
        _ => Icons.Material.Outlined.Schedule,
    };

    private static Color IconColour(StepStatus status) => status switch
    {
        StepStatus.Complete => Color.Success,
        StepStatus.Failed => Color.Error,
        StepStatus.InProgress => Color.Primary,
        _ => Color.Default,
    };
}
