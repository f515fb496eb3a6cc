namespace Portal.Domain.Datasets;

/// <summary>How a dataset's bytes are laid out in object storage.</summary>
public enum DataFormat
{
    NetCdf,
    Zarr,
    Cog,
}
