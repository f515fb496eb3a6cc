using Portal.Domain.Datasets;

namespace Portal.Infra.Notebooks;

/// <summary>
/// The words the notebook and the sandbox's Python use for a dataset's layout, kind and format (snake case, as in
/// <c>portal_dask</c>): <c>nsf_ncar_era5</c>, <c>projection</c>, <c>netcdf</c>.
/// </summary>
internal static class DatasetNames
{
    public static string Layout(DatasetLayout layout) => layout switch
    {
        DatasetLayout.None => "none",
        DatasetLayout.Era5Pds => "era5_pds",
        DatasetLayout.NsfNcarEra5 => "nsf_ncar_era5",
        DatasetLayout.Cmip6Zarr => "cmip6_zarr",
        DatasetLayout.NexGddpCmip6 => "nex_gddp_cmip6",
        DatasetLayout.Cesm2Lens => "cesm2_lens",
        _ => throw new ArgumentOutOfRangeException(nameof(layout), layout, "A layout the notebook does not know."),
    };

    public static string Kind(DatasetKind kind) => kind switch
    {
        DatasetKind.Reanalysis => "reanalysis",
        DatasetKind.Projection => "projection",
        DatasetKind.Other => "other",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "A kind the notebook does not know."),
    };

    /// <summary>The format words intake-esm and xarray users know.</summary>
    public static string Format(DataFormat format) => format switch
    {
        DataFormat.NetCdf => "netcdf",
        DataFormat.Zarr => "zarr",
        DataFormat.Cog => "cog",
        _ => format.ToString().ToLowerInvariant(),
    };
}
