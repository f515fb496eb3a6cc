using Portal.Domain.Regions;

namespace Portal.Domain.Datasets;

/// <summary>
/// The datasets the built-in analysis reads end to end. Buckets, regions, licences and the deprecation of era5-pds are
/// from the Open Data Registry (shared/reference/catalogue/open-data-registry/*.yaml and odr_datasets.csv); layouts are
/// those the registry's documentation links describe. The registry import keeps these entries and adds the rest.
/// </summary>
internal static class CuratedDatasets
{
    private static readonly RegionCode UsEast1 = RegionCode.Parse("us-east-1");
    private static readonly RegionCode UsWest2 = RegionCode.Parse("us-west-2");

    public static IReadOnlyList<Dataset> All { get; } =
    [
        new Dataset(
            DatasetCatalog.Era5,
            "ERA5 reanalysis",
            DatasetKind.Reanalysis,
            new DataLocation(UsEast1, "s3://era5-pds"),
            DataFormat.NetCdf,
            // era5-pds holds monthly folders from 1979; the bucket was frozen when the registry deprecated it.
            new DateCoverage(new DateOnly(1979, 1, 1), new DateOnly(2023, 12, 31)),
            "Generated using Copernicus Climate Change Service information",
            "Hourly ECMWF ERA5 reanalysis on a 0.25° grid, one netCDF file per variable and month. Deprecated by the registry: NSF NCAR's copy in us-west-2 replaces it.")
        {
            Slug = "ecmwf-era5",
            Tags = ["climate", "meteorological", "netcdf", "weather"],
            ManagedBy = "Intertrust",
            UpdateFrequency = "Monthly",
            Deprecated = true,
            Successor = DatasetCatalog.Era5Ncar,
            Layout = DatasetLayout.Era5Pds,
        },
        new Dataset(
            DatasetCatalog.Era5Ncar,
            "ERA5 reanalysis (NSF NCAR)",
            DatasetKind.Reanalysis,
            new DataLocation(UsWest2, "s3://nsf-ncar-era5"),
            DataFormat.NetCdf,
            // NCAR's ERA5 (RDA ds633.0) starts in 1940; updated monthly with a 3-4 month lag (registry, August 2026).
            new DateCoverage(new DateOnly(1940, 1, 1), new DateOnly(2026, 4, 30)),
            "https://www.ucar.edu/terms-of-use/data",
            "ERA5 at 0.25° as CF-compliant NetCDF-4, curated by NSF NCAR: surface and pressure-level analyses, one file per parameter and month.")
        {
            Tags = ["atmosphere", "climate", "data assimilation", "forecast", "meteorological", "netcdf", "weather"],
            ManagedBy = "NSF National Center for Atmospheric Research",
            UpdateFrequency = "Monthly, with a 3-4 month lag from realtime",
            Layout = DatasetLayout.NsfNcarEra5,
        },
        new Dataset(
            DatasetCatalog.Cmip6,
            "CMIP6 projections",
            DatasetKind.Projection,
            new DataLocation(UsWest2, "s3://cmip6-pds"),
            DataFormat.Zarr,
            // CMIP experiments run from 1850 (historical) to 2100 (ScenarioMIP).
            new DateCoverage(new DateOnly(1850, 1, 1), new DateOnly(2100, 12, 31)),
            "CC BY 4.0 (see pangeo-cmip6-cloud licensing)",
            "Coupled Model Intercomparison Project 6 outputs as consolidated Zarr stores, indexed by an intake-esm catalogue.")
        {
            Tags = ["climate", "model", "zarr"],
            ManagedBy = "ESGF and Pangeo",
            UpdateFrequency = "Core CMIP6 datasets are added as soon as they are available.",
            Layout = DatasetLayout.Cmip6Zarr,
        },
        new Dataset(
            DatasetCatalog.NexGddpCmip6,
            "NEX-GDDP-CMIP6 downscaled projections",
            DatasetKind.Projection,
            new DataLocation(UsWest2, "s3://nex-gddp-cmip6/NEX-GDDP-CMIP6"),
            DataFormat.NetCdf,
            // Daily, 0.25°: historical 1950-2014 and SSP scenarios 2015-2100.
            new DateCoverage(new DateOnly(1950, 1, 1), new DateOnly(2100, 12, 31)),
            "https://www.nasa.gov/nasa-data-and-information-policy",
            "NASA's statistically downscaled CMIP6 daily projections at 0.25°: one netCDF file per model, scenario, member, variable and year.")
        {
            Slug = "nex-gddp-cmip6",
            Tags = ["climate", "model", "netcdf", "downscaled"],
            ManagedBy = "NASA",
            UpdateFrequency = "No future updates planned.",
            Layout = DatasetLayout.NexGddpCmip6,
        },
        new Dataset(
            DatasetCatalog.Cesm2Lens,
            "CESM2 Large Ensemble",
            DatasetKind.Projection,
            new DataLocation(UsWest2, "s3://ncar-cesm2-lens"),
            DataFormat.Zarr,
            // Historical forcing from 1850 and SSP3-7.0 to 2100, 100 members.
            new DateCoverage(new DateOnly(1850, 1, 1), new DateOnly(2100, 12, 31)),
            "https://www.ucar.edu/terms-of-use/data",
            "The Community Earth System Model 2 Large Ensemble (100 members) as Zarr stores per component, frequency, experiment, forcing and variable.")
        {
            Tags = ["climate", "model", "zarr"],
            ManagedBy = "National Center for Atmospheric Research",
            UpdateFrequency = "Rare: the experiment is complete.",
            Layout = DatasetLayout.Cesm2Lens,
        },
    ];
}
