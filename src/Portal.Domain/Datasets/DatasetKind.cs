namespace Portal.Domain.Datasets;

/// <summary>What the data describes, which decides the data types it serves.</summary>
public enum DatasetKind
{
    /// <summary>Observations and reanalyses of the past (ERA5): serves historical analyses.</summary>
    Reanalysis,

    /// <summary>Climate model projections (CMIP6): serves predictive analyses.</summary>
    Projection,

    /// <summary>Any other registry data: selected, mounted and opened from the notebook by path, outside the built-in analysis.</summary>
    Other,
}
