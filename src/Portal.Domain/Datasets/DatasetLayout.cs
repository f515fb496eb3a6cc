namespace Portal.Domain.Datasets;

/// <summary>
/// How the built-in analysis finds a variable's files in a dataset, for the datasets the portal analyses end to end;
/// <see cref="None"/> for the rest (opened from the notebook by path).
/// </summary>
public enum DatasetLayout
{
    None,

    /// <summary>era5-pds: <c>{yyyy}/{mm}/data/{variable}.nc</c>, one netCDF file per variable and month.</summary>
    Era5Pds,

    /// <summary>nsf-ncar-era5: <c>e5.oper.an.sfc/{yyyymm}/e5.oper.an.sfc.{param}.ll025sc.{first}_{last}.nc</c>.</summary>
    NsfNcarEra5,

    /// <summary>cmip6-pds: consolidated Zarr stores indexed by an intake-esm catalogue.</summary>
    Cmip6Zarr,

    /// <summary>nex-gddp-cmip6: <c>NEX-GDDP-CMIP6/{model}/{scenario}/{member}/{variable}/…_{year}.nc</c>, daily netCDF per year.</summary>
    NexGddpCmip6,

    /// <summary>ncar-cesm2-lens: <c>{component}/{frequency}/cesm2LE-{experiment}-{forcing}-{variable}.zarr</c>.</summary>
    Cesm2Lens,
}
