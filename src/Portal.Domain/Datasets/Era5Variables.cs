namespace Portal.Domain.Datasets;

/// <summary>An ERA5 variable as stored in era5-pds: the file name stem and ECMWF's long name.</summary>
public sealed record Era5Variable(string Name, string LongName, VariableCategory Category, string Units);

/// <summary>
/// The ERA5 variables of era5-pds by category (file names from shared/reference/catalogue/era5_pds_variables.csv).
/// </summary>
public static class Era5Variables
{
    public static IReadOnlyList<Era5Variable> All { get; } =
    [
        new("air_temperature_at_2_metres", "2 metre temperature", VariableCategory.Temperature, "K"),
        new("air_temperature_at_2_metres_1hour_Maximum", "2 metres maximum temperature since previous post-processing", VariableCategory.Temperature, "K"),
        new("air_temperature_at_2_metres_1hour_Minimum", "2 metres minimum temperature since previous post-processing", VariableCategory.Temperature, "K"),
        new("dew_point_temperature_at_2_metres", "2 metre dew point temperature", VariableCategory.Temperature, "K"),
        new("sea_surface_temperature", "Sea surface temperature", VariableCategory.Temperature, "K"),
        new("eastward_wind_at_10_metres", "10 metre U wind component", VariableCategory.Wind, "m s-1"),
        new("northward_wind_at_10_metres", "10 metre V wind component", VariableCategory.Wind, "m s-1"),
        new("eastward_wind_at_100_metres", "100 metre U wind component", VariableCategory.Wind, "m s-1"),
        new("northward_wind_at_100_metres", "100 metre V wind component", VariableCategory.Wind, "m s-1"),
        new("sea_surface_wave_mean_period", "Mean wave period", VariableCategory.Wave, "s"),
        new("sea_surface_wind_wave_from_direction", "Mean direction of wind waves", VariableCategory.Wave, "degree"),
        new("significant_height_of_wind_and_swell_waves", "Significant height of combined wind waves and swell", VariableCategory.Wave, "m"),
        new("precipitation_amount_1hour_Accumulation", "Total precipitation", VariableCategory.Precipitation, "m"),
        new("snow_density", "Snow density", VariableCategory.Snow, "kg m-3"),
        new("lwe_thickness_of_surface_snow_amount", "Snow depth", VariableCategory.Snow, "m of water equivalent"),
        new("air_pressure_at_mean_sea_level", "Mean sea level pressure", VariableCategory.AirPressure, "Pa"),
        new("surface_air_pressure", "Surface pressure", VariableCategory.AirPressure, "Pa"),
    ];

    public static IEnumerable<Era5Variable> InCategory(VariableCategory category) => All.Where(v => v.Category == category);

    public static Era5Variable? Find(string? name) => All.FirstOrDefault(v => v.Name == name);

    /// <summary>The words the form shows for a category: "temperature", "air pressure".</summary>
    public static string Label(VariableCategory category) => category switch
    {
        VariableCategory.AirPressure => "air pressure",
        _ => category.ToString().ToLowerInvariant(),
    };
}
