using System.Globalization;
using System.Text;
using Portal.Domain.Datasets;
using Portal.Domain.LaunchPlans;
using Portal.Domain.Sessions;

namespace Portal.Infra.Notebooks;

/// <summary>
/// The parameters cell: the session's scheduler, pools and data paths and every choice made in the form, each value
/// written by <see cref="PythonLiteral"/>. Tagged <c>parameters</c> so papermill can override it.
/// </summary>
internal static class NotebookParameters
{
    public const string CellId = "parameters";
    public const string Tag = "parameters";

    public static NotebookCell Cell(Session session, LaunchPlan plan, Uri costUri, string costToken)
    {
        var source = new StringBuilder("""
            # Parameters (papermill: this cell is tagged "parameters"): where this session's scheduler, pools and data
            # are, and every choice made in the portal's form. The cells below read only these names.

            """);
        foreach (var (name, value) in Values(session, plan, costUri, costToken))
        {
            source.Append(name).Append(" = ").Append(PythonLiteral.Write(value)).Append('\n');
        }

        return NotebookCell.Code(CellId, source.ToString().TrimEnd('\n'), Tag);
    }

    /// <summary>The names and values, in the order the cell lists them.</summary>
    public static IReadOnlyList<(string Name, object? Value)> Values(Session session, LaunchPlan plan, Uri costUri, string costToken)
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
                paths[dataset.Id.Value] = new Dictionary<string, object?>
                {
                    ["region"] = dataset.Location.Region.Value,
                    ["s3_uri"] = dataset.Location.S3Uri,
                    ["fsx_path"] = dataset.Location.FsxPath,
                    ["format"] = FormatName(dataset.Format),
                };
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
            ("WORKERS_PER_REGION", request.WorkersPerRegion),
            ("MAXIMUM_HOURS", request.MaximumHours),
            ("WORKER_SIZE", request.WorkerSize),
            ("PORTAL_COST_URL", costUri.AbsoluteUri),
            ("PORTAL_COST_TOKEN", costToken),
        ];
    }

    public static string IsoDate(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The format words intake-esm and xarray users know.</summary>
    private static string FormatName(DataFormat format) => format switch
    {
        DataFormat.NetCdf => "netcdf",
        DataFormat.Zarr => "zarr",
        DataFormat.Cog => "cog",
        _ => format.ToString().ToLowerInvariant(),
    };
}
