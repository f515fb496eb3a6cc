using Portal.Domain.Datasets;
using Portal.Domain.Sessions;

namespace Portal.Testing;

/// <summary>The sample notebook's first-run answers, as a request (shared by the test projects as a linked file).</summary>
internal static class SampleRequests
{
    public static SessionRequest FirstRun { get; } = new()
    {
        DataType = DataType.Both,
        VariableCategory = VariableCategory.Temperature,
        Variable = "air_temperature_at_2_metres",
        StartDate = new DateOnly(2022, 1, 1),
        EndDate = new DateOnly(2022, 11, 28),
        ActivityIds = ["ScenarioMIP", "CMIP"],
        TableId = "Amon",
        VariableIds = ["tas"],
        Experiment = "ssp245",
        Datasets = [DatasetCatalog.Era5, DatasetCatalog.Cmip6],
        WorkersPerRegion = 2,
        MaximumHours = 4,
    };
}
