namespace Portal.Domain.Datasets;

/// <summary>How a dataset's bytes are laid out in object storage; <see cref="Unknown"/> when the registry does not say.</summary>
public enum DataFormat
{
    NetCdf,
    Zarr,
    Cog,
    Unknown,
    Parquet,
    Grib,
    Csv,
    GeoTiff,
    Hdf5,
}
