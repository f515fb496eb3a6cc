using Portal.Domain.Cloud;
namespace Portal.Infra.Notebooks;

internal static partial class NotebookCells
{
    public static NotebookCell Era5Intro { get; } = NotebookCell.Markdown("era5-intro", """
        ## ERA5: the monthly files for the date range

        ERA5 is read from the copy the session selected: era5-pds (one netCDF file per variable and month,
        `YYYY/MM/data/<variable>.nc`), which the Open Data Registry marks deprecated, or NSF NCAR's nsf-ncar-era5 (one
        netCDF file per parameter and month, `e5.oper.an.sfc/YYYYMM/e5.oper.an.sfc.<code>.ll025sc.<first>_<last>.nc`),
        which the registry names as its successor. When both are selected, nsf-ncar-era5 is read, unless NCAR keeps the
        variable outside its surface analyses (the maximum and minimum temperatures and precipitation are forecast
        fields there, the waves are elsewhere): then era5-pds is. The list of files comes from the parameters; the files
        are opened in that dataset's pool and sliced to the date range.
        """);

    public static NotebookCell Era5Files { get; } = NotebookCell.Code("era5-files", """"
        from portal_dask import choose_reanalysis, reanalysis_files

        # The ERA5 copy to read (see above) and why; DATASET_PATHS says which copies the session selected.
        era5_id, era5_reason = choose_reanalysis(DATASET_PATHS, VARIABLE)
        ERA5 = DATASET_PATHS[era5_id]
        print(era5_reason)

        # One file per month from START_DATE to END_DATE in the copy's layout; its FSx file system mounts the bucket at
        # the dataset's fsx_path. nsf-ncar-era5 refuses, saying where NCAR keeps it, a variable it has no file of here.
        era5_paths = reanalysis_files(ERA5, VARIABLE, START_DATE, END_DATE)
        print(f"{len(era5_paths)} monthly files of {VARIABLE}: {era5_paths[0]} ... {era5_paths[-1]}")
        """");

    public static NotebookCell Era5Open { get; } = NotebookCell.Code("era5-open", """"
        from portal_dask import open_era5, reanalysis_variable

        # The files are opened as a task in the ERA5 region's pool (they are mounted only there); every task of the
        # dataset, the reads included, stays in that pool, and only its metadata comes back here.
        era5_dataset = open_era5(client, ERA5["region"], era5_paths)

        # era5-pds names the variable as VARIABLE and its time dimension time0 or time1; NCAR names it by its parameter
        # (VAR_2T for 2 m temperature) on the dimension time.
        era5_name = reanalysis_variable(ERA5, VARIABLE)
        era5_time = next(dim for dim in era5_dataset[era5_name].dims if dim.startswith("time"))
        era5 = era5_dataset[era5_name].sel({era5_time: slice(START_DATE, END_DATE)})
        if era5.sizes[era5_time] == 0:
            raise RuntimeError(f"The ERA5 files hold no {VARIABLE} from {START_DATE} to {END_DATE}.")
        era5
        """");

    public static NotebookCell Era5Map { get; } = NotebookCell.Code("era5-map", """"
        era5_map = time_mean_map(era5, ERA5["region"])
        plot_map(era5_map, f"ERA5 {VARIABLE} ({era5_id}), mean {START_DATE} to {END_DATE} ({era5_map.attrs['units']})")
        """");
}
