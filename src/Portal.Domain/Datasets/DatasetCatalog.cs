using Portal.Domain.Regions;

namespace Portal.Domain.Datasets;

/// <summary>The datasets users can pick. Later issues import more from the Open Data Registry and intake-esm.</summary>
public sealed class DatasetCatalog
{
    public static readonly DatasetId Era5 = DatasetId.Parse("era5");
    public static readonly DatasetId Cmip6 = DatasetId.Parse("cmip6");

    private readonly Dictionary<DatasetId, Dataset> _byId;

    public DatasetCatalog(IEnumerable<Dataset> datasets)
    {
        ArgumentNullException.ThrowIfNull(datasets);
        _byId = [];
        foreach (var dataset in datasets)
        {
            if (!_byId.TryAdd(dataset.Id, dataset))
            {
                throw new DomainException($"Dataset {dataset.Id} is listed twice.");
            }
        }

        All = [.. _byId.Values];
    }

    /// <summary>ERA5 in era5-pds (us-east-1, netCDF) and CMIP6 in cmip6-pds (us-west-2, Zarr); see shared/reference/catalogue.</summary>
    public static DatasetCatalog Default { get; } = new([
        new Dataset(
            Era5,
            "ERA5 reanalysis",
            DatasetKind.Reanalysis,
            new DataLocation(RegionCode.Parse("us-east-1"), "s3://era5-pds"),
            DataFormat.NetCdf,
            // era5-pds holds monthly folders from 1979; the bucket was frozen when the registry deprecated it.
            new DateCoverage(new DateOnly(1979, 1, 1), new DateOnly(2023, 12, 31)),
            "Generated using Copernicus Climate Change Service information",
            "Hourly ECMWF ERA5 reanalysis on a 0.25° grid, one netCDF file per variable and month."),
        new Dataset(
            Cmip6,
            "CMIP6 projections",
            DatasetKind.Projection,
            new DataLocation(RegionCode.Parse("us-west-2"), "s3://cmip6-pds"),
            DataFormat.Zarr,
            // CMIP experiments run from 1850 (historical) to 2100 (ScenarioMIP).
            new DateCoverage(new DateOnly(1850, 1, 1), new DateOnly(2100, 12, 31)),
            "CC BY 4.0 (see pangeo-cmip6-cloud licensing)",
            "Coupled Model Intercomparison Project 6 outputs as consolidated Zarr stores, indexed by an intake-esm catalogue."),
    ]);

    public IReadOnlyList<Dataset> All { get; }

    public Dataset Get(DatasetId id) =>
        _byId.TryGetValue(id, out var dataset)
            ? dataset
            : throw new DomainException($"Dataset {id} is not in the catalogue.");

    public bool TryGet(DatasetId id, out Dataset dataset) => _byId.TryGetValue(id, out dataset!);
}
