namespace Portal.Domain.Datasets;

/// <summary>A controlled-vocabulary term with what it means.</summary>
public sealed record Term(string Id, string Meaning);

/// <summary>The CMIP6 facets the form offers (from the WCRP CMIP6 controlled vocabularies).</summary>
public static class Cmip6Vocabulary
{
    public static IReadOnlyList<Term> ActivityIds { get; } =
    [
        new("DCPP", "Decadal Climate Prediction Project"),
        new("ScenarioMIP", "Scenario Model Intercomparison Project"),
        new("CMIP", "CMIP DECK and historical simulations"),
        new("GMMIP", "Global Monsoons Model Intercomparison Project"),
        new("CDRMIP", "Carbon Dioxide Removal Model Intercomparison Project"),
        new("C4MIP", "Coupled Climate Carbon Cycle Model Intercomparison Project"),
    ];

    public static IReadOnlyList<Term> TableIds { get; } =
    [
        new("Amon", "monthly atmospheric data"),
        new("day", "daily data"),
        new("3hr", "3-hourly data"),
        new("6hrPlev", "6-hourly atmospheric data on pressure levels"),
    ];

    public static IReadOnlyList<Term> VariableIds { get; } =
    [
        new("tas", "near-surface air temperature"),
        new("ta", "air temperature"),
        new("tauv", "surface downward northward wind stress"),
        new("zg", "geopotential height"),
        new("rsut", "top-of-atmosphere outgoing shortwave radiation"),
        new("tasmax", "daily maximum near-surface air temperature"),
        new("tasmin", "daily minimum near-surface air temperature"),
        new("ts", "surface temperature"),
        new("tos", "sea surface temperature"),
        new("sfcWind", "near-surface wind speed"),
        new("uas", "eastward near-surface wind"),
        new("vas", "northward near-surface wind"),
        new("pr", "precipitation"),
        new("prc", "convective precipitation"),
        new("prsn", "snowfall flux"),
        new("snw", "surface snow amount"),
        new("snd", "snow depth"),
        new("snc", "snow area percentage"),
        new("psl", "sea level pressure"),
        new("ps", "surface air pressure"),
    ];

    public static IReadOnlyList<Term> Experiments { get; } =
    [
        new("ssp126", "SSP1-2.6: sustainability, low emissions"),
        new("ssp245", "SSP2-4.5: middle of the road"),
        new("ssp370", "SSP3-7.0: regional rivalry, high emissions"),
        new("ssp585", "SSP5-8.5: fossil-fuelled development, very high emissions"),
    ];

    public static bool IsActivityId(string id) => ActivityIds.Any(t => t.Id == id);

    public static bool IsTableId(string id) => TableIds.Any(t => t.Id == id);

    public static bool IsVariableId(string id) => VariableIds.Any(t => t.Id == id);

    public static bool IsExperiment(string id) => Experiments.Any(t => t.Id == id);
}
