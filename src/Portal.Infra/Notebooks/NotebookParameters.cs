using Portal.Domain.Cloud;
using System.Globalization;
using System.Text;
using Portal.Domain.Datasets;
using Portal.Domain.LaunchPlans;
using Portal.Domain.Sessions;

namespace Portal.Infra.Notebooks;

/// <summary>
/// The parameters cell: the session's scheduler, pools and data paths and every choice made in the form, each value
/// written by <see cref="PythonLiteral"/>. Tagged <c>parameters</c> so papermill can override it. Each dataset of
/// <c>DATASET_PATHS</c> says where it is (region, S3 URI, FSx path), its format, its <c>layout</c> (how the built-in
/// analysis reads it, <see cref="DatasetNames.Layout"/>; <c>none</c> when it does not), its <c>kind</c> and its
/// <c>name</c>; a dataset of layout <c>none</c> also lists its other prefixes in the region (<c>more_s3_uris</c>) and
/// whether its reader pays (<c>requester_pays</c>), for opening it by path.
/// </summary>
internal static class NotebookParameters
{
    public const string CellId = "parameters";
    public const string Tag = "parameters";

    public static NotebookCell Cell(Session session, LaunchPlan plan, Uri costUri, string costToken, string? dataRoot = null)
    {
        var source = new StringBuilder("""
            # Parameters (papermill: this cell is tagged "parameters"): where this session's scheduler, pools and data
            # are, and every choice made in the portal's form. The cells below read only these names.

            """);
        foreach (var (name, value) in Values(session, plan, costUri, costToken, dataRoot))
        {
            source.Append(name).Append(" = ").Append(PythonLiteral.Write(value)).Append('\n');
        }

        return NotebookCell.Code(CellId, source.ToString().TrimEnd('\n'), Tag);
    }

    /// <summary>The names and values, in the order the cell lists them.</summary>
    /// <param name="dataRoot">The folder that stands for <c>/fsx</c> (the sandbox's local data); null keeps the FSx paths.</param>
    public static IReadOnlyList<(string Name, object? Value)> Values(Session session, LaunchPlan plan, Uri costUri, string costToken, string? dataRoot = null)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(costUri);
        var request = session.Request;
        var pools = new Dictionary<string, object?>();
        var paths = new Dictionary<string, object?>();
        foreach (var pool in plan.Pools)
        {
            pools[pool.Region.Value] = pool.PoolName;
            foreach (var dataset in pool.Datasets)
            {
                paths[dataset.Id.Value] = Entry(dataset, dataRoot);
            }
        }

        return
        [
            ("SESSION_ID", session.Id.Value),
            ("SCHEDULER_ADDRESS", session.SchedulerAddress),
            ("POOLS", pools),
            ("DATASET_PATHS", paths),
            ("DATA_TYPE", request.DataType.ToString()),
            ("VARIABLE_CATEGORY", Era5Variables.Label(request.VariableCategory)),
            ("VARIABLE", request.Variable),
            ("START_DATE", IsoDate(request.StartDate)),
            ("END_DATE", IsoDate(request.EndDate)),
            ("ACTIVITY_IDS", request.ActivityIds),
            ("TABLE_ID", request.TableId),
            ("VARIABLE_IDS", request.VariableIds),
            ("EXPERIMENT", request.Experiment),
            ("INSTITUTION_IDS", request.InstitutionIds),
            ("SOURCE_IDS", request.SourceIds),
            ("WORKERS_PER_REGION", request.WorkersPerRegion),
            ("MAXIMUM_HOURS", request.MaximumHours),
            ("WORKER_SIZE", request.WorkerSize),
            ("PORTAL_COST_URL", costUri.AbsoluteUri),
            ("PORTAL_COST_TOKEN", costToken),
        ];
    }

    public static string IsoDate(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static Dictionary<string, object?> Entry(Dataset dataset, string? dataRoot)
    {
        var entry = new Dictionary<string, object?>
        {
            ["region"] = dataset.Location.Region.Value,
            ["s3_uri"] = dataset.Location.S3Uri,
            ["fsx_path"] = dataRoot is null ? dataset.Location.FsxPath : Path.Join(dataRoot, dataset.Location.FsxPath["/fsx/".Length..]),
            ["format"] = DatasetNames.Format(dataset.Format),
            ["layout"] = DatasetNames.Layout(dataset.Layout),
            ["kind"] = DatasetNames.Kind(dataset.Kind),
            ["name"] = dataset.Name,
        };
        if (dataset.Layout == DatasetLayout.None)
        {
            // Only the region's own prefixes: MoreLocations holds those of the dataset's region.
            entry["more_s3_uris"] = dataset.MoreLocations.Where(l => l.Region == dataset.Location.Region).Select(l => l.S3Uri).ToList();
            entry["requester_pays"] = dataset.RequesterPays;
        }

        return entry;
    }
}
