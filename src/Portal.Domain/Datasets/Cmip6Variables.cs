namespace Portal.Domain.Datasets;

/// <summary>
/// The CMIP6 variables (CF short names of the CMIP6 data request) that measure what an ERA5 variable category measures,
/// so an analysis of "Both" compares like with like: ERA5 precipitation with CMIP6 <c>pr</c>, never with <c>tas</c>.
/// </summary>
public static class Cmip6Variables
{
    private static readonly Dictionary<VariableCategory, string[]> ByCategory = new()
    {
        [VariableCategory.Temperature] = ["tas", "tasmax", "tasmin", "ts", "tos"],
        [VariableCategory.Wind] = ["sfcWind", "uas", "vas"],
        // The CMIP6 data request has no wave-model output in its atmosphere or ocean tables.
        [VariableCategory.Wave] = [],
        [VariableCategory.Precipitation] = ["pr", "prc", "prsn"],
        [VariableCategory.Snow] = ["snw", "snd", "snc", "prsn"],
        [VariableCategory.AirPressure] = ["psl", "ps"],
    };

    /// <summary>The CMIP6 variables of the category, the closest match first; empty when CMIP6 has none.</summary>
    public static IReadOnlyList<string> For(VariableCategory category) => ByCategory.TryGetValue(category, out var ids) ? ids : [];

    /// <summary>True when <paramref name="variableId"/> measures what <paramref name="category"/> does.</summary>
    public static bool Fits(VariableCategory category, string variableId) => For(category).Contains(variableId, StringComparer.Ordinal);
}
