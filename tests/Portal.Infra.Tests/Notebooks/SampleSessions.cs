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

    public static (Session Session, LaunchPlan Plan) Launch(SessionRequest request)
    {
        var plan = new LaunchPlanner(RegionCatalog.Default, DatasetCatalog.Default, LaunchSettings.Default).Plan(Id, request);
        return (Session.Create(Id, new Actor("ada", isAdmin: false), request, plan, 4.56m, LaunchedAt), plan);
    }

    /// <summary>The cost credential written into sample notebooks.</summary>
    public const string CostToken = "CfDJ8-sample-cost-token";

    public static NotebookDocument Notebook(SessionRequest request, Uri? portalBaseUri = null)
    {
        var (session, plan) = Launch(request);
        return new NotebookWriter().Write(session, plan, portalBaseUri ?? PortalBaseUri, CostToken);
    }
}
