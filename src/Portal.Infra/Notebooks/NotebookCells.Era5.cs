namespace Portal.Infra.Notebooks;

internal static partial class NotebookCells
{
    public static NotebookCell Era5Intro { get; } = NotebookCell.Markdown("era5-intro", """
        ## ERA5: the monthly files for the date range

        ERA5 reanalysis (era5-pds) keeps one netCDF file per variable and month. The list of files comes from the
        parameters; the files are opened in the ERA5 region's pool and sliced to the date range.
        """);

    public static NotebookCell Era5Files { get; } = NotebookCell.Code("era5-files", """"
        import datetime

        ERA5 = DATASET_PATHS["era5"]


        def first_days_of_months(start, end):
            """The first day of every month from the month of `start` to the month of `end`, both included."""
            month = datetime.date.fromisoformat(start).replace(day=1)
            last = datetime.date.fromisoformat(end)
            while month <= last:
                yield month
                month = (month + datetime.timedelta(days=32)).replace(day=1)


        # era5-pds holds one netCDF file per variable and month, <bucket>/YYYY/MM/data/<variable>.nc; the region's
        # FSx file system mounts the bucket at the dataset's fsx_path.
        era5_files = [
            f"{ERA5['fsx_path']}/{month:%Y}/{month:%m}/data/{VARIABLE}.nc"
            for month in first_days_of_months(START_DATE, END_DATE)
        ]
        print(f"{len(era5_files)} monthly files of {VARIABLE}: {era5_files[0]} ... {era5_files[-1]}")
        """");

    public static NotebookCell Era5Open { get; } = NotebookCell.Code("era5-open", """"
        import dask
        import xarray as xr

        ERA5_POOL = POOLS[ERA5["region"]]

        # Opening reads every file's header, so it runs as tasks in the ERA5 region's pool (parallel=True): the files
        # are only mounted there, and only their metadata comes back to the notebook.
        with dask.annotate(resources={ERA5_POOL: 1}):
            era5_dataset = xr.open_mfdataset(era5_files, parallel=True, chunks="auto", combine="by_coords")

        # era5-pds calls the time dimension time0 (analysed fields) or time1 (accumulated and forecast fields).
        era5_time = next(dim for dim in era5_dataset[VARIABLE].dims if dim.startswith("time"))
        era5 = era5_dataset[VARIABLE].sel({era5_time: slice(START_DATE, END_DATE)})
        era5
        """");

    public static NotebookCell Era5Map { get; } = NotebookCell.Code("era5-map", """"
        era5_map = time_mean_map(era5, ERA5_POOL)
        plot_map(era5_map, f"ERA5 {VARIABLE}, mean {START_DATE} to {END_DATE} ({era5_map.attrs['units']})")
        """");
}
