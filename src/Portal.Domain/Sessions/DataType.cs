namespace Portal.Domain.Sessions;

/// <summary>What the analysis looks at: the past (ERA5), projections (CMIP6) or both.</summary>
public enum DataType
{
    Historical,
    Predictive,
    Both,
}
