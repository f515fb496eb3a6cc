using Portal.Domain.Cloud;
using Portal.Domain.Datasets;
using Portal.Domain.LaunchPlans;
using Portal.Domain.Regions;
using Portal.Domain.Sessions;
using Portal.Infra.Notebooks;

namespace Portal.Infra.Tests.Notebooks;

/// <summary>Sessions built the way the portal builds them, starting from the sample notebook's first-run answers.</summary>
internal static class SampleSessions
{
    public static readonly SessionId Id = SessionId.Parse("s-4k7q2m9x1z");
    public static readonly Uri PortalBaseUri = new("https://portal.example.org/");
    public static readonly DateTimeOffset LaunchedAt = new(2026, 5, 4, 9, 30, 0, TimeSpan.Zero);

    /// <summary>Two of the registry's datasets the built-in analysis does not read (see <see cref="WithOthers"/>).</summary>
    public static readonly DatasetId MurSst = DatasetId.Parse("mur-sst");
    public static readonly DatasetId Gfs = DatasetId.Parse("noaa-gfs-bdp-pds");

    /// <summary>The sample's first run: Both, temperature, 2 m air temperature, 2022-01-01 to 2022-11-28, CMIP6 tas.</summary>
    public static SessionRequest FirstRun(DataType dataType = DataType.Both, params DatasetId[] datasets) => new()
    {
        DataType = dataType,
        VariableCategory = VariableCategory.Temperature,
        Variable = "air_temperature_at_2_metres",
        StartDate = new DateOnly(2022, 1, 1),
        EndDate = new DateOnly(2022, 11, 28),
        ActivityIds = ["ScenarioMIP", "CMIP"],
        TableId = "Amon",
        VariableIds = ["tas"],
        Experiment = "ssp245",
        Datasets = datasets.Length > 0 ? datasets : [DatasetCatalog.Era5, DatasetCatalog.Cmip6],
        WorkersPerRegion = 2,
        MaximumHours = 4,
    };

    /// <param name="catalog">The catalogue the plan reads datasets from; the curated datasets when null.</param>
    public static (Session Session, LaunchPlan Plan) Launch(SessionRequest request, DatasetCatalog? catalog = null)
    {
        var plan = new LaunchPlanner(RegionCatalog.Default, catalog ?? DatasetCatalog.Default, LaunchSettings.Default).Plan(Id, request);
        return (Session.Create(Id, new Actor("ada", isAdmin: false), request, SessionLaunching.For(plan, request, 4.56m), LaunchedAt), plan);
    }

    /// <summary>
    /// The curated datasets and two of the registry's others, which the built-in analysis does not read (layout none):
    /// one with more prefixes in its region and one elsewhere, one whose reader pays.
    /// </summary>
    public static DatasetCatalog WithOthers() => new(
    [
        .. DatasetCatalog.Curated,
        new Dataset(MurSst, "MUR SST", DatasetKind.Other, new DataLocation(RegionCode.Parse("us-west-2"), "s3://mur-sst/zarr-v1"),
            DataFormat.Zarr, null, "Open", "Sea surface temperature as Zarr.")
        {
            MoreLocations = [new DataLocation(RegionCode.Parse("us-west-2"), "s3://mur-sst/zarr")],
        },
        new Dataset(Gfs, "NOAA GFS", DatasetKind.Other, new DataLocation(RegionCode.Parse("us-east-1"), "s3://noaa-gfs-bdp-pds"),
            DataFormat.Grib, null, "Open", "Global Forecast System.")
        {
            RequesterPays = true,
        },
    ]);

    /// <summary>The cost credential written into sample notebooks.</summary>
    public const string CostToken = "CfDJ8-sample-cost-token";

    public static NotebookDocument Notebook(SessionRequest request, Uri? portalBaseUri = null, DatasetCatalog? catalog = null)
    {
        var (session, plan) = Launch(request, catalog);
        return new NotebookWriter().Write(session, plan, portalBaseUri ?? PortalBaseUri, CostToken);
    }
}
