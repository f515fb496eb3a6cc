namespace Portal.Domain.Datasets;

/// <summary>The groups the sample notebook offered for ERA5 variables.</summary>
public enum VariableCategory
{
    Temperature,
    Wind,
    Wave,
    Precipitation,
    Snow,
    AirPressure,
}
