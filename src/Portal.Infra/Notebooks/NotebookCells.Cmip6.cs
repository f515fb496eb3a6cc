using Portal.Domain.Cloud;
namespace Portal.Infra.Notebooks;

internal static partial class NotebookCells
{
    public static NotebookCell Cmip6Intro { get; } = NotebookCell.Markdown("cmip6-intro", """
        ## CMIP6: the stores that match the facets

        The intake-esm catalogue of cmip6-pds (its JSON and CSV, read with pandas) is searched for the chosen
        activities, table, variables and experiment, and the matching Zarr stores are opened in the CMIP6 region's pool.
        """);

    public static NotebookCell Cmip6Query { get; } = NotebookCell.Code("cmip6-query", """"
        CMIP6 = DATASET_PATHS["cmip6"]

        # Assumption: cmip6-pds follows pangeo's AWS catalogue layout. Its root holds pangeo-cmip6.json, an intake-esm
        # catalogue whose catalog_file names a CSV (pangeo-cmip6.csv) with one row per consolidated Zarr store; the
        # column that the JSON's assets.column_name names (zstore) holds the store's S3 URI, s3://cmip6-pds/CMIP6/...
        # The region's FSx file system mounts the bucket at the dataset's fsx_path.
        cmip6_catalogue = f"{CMIP6['fsx_path']}/pangeo-cmip6.json"

        # The CMIP activity holds the historical experiment (to 2014); ScenarioMIP and the others hold the SSPs.
        experiment_ids = [EXPERIMENT]
        if "CMIP" in ACTIVITY_IDS and "historical" not in experiment_ids:
            experiment_ids.append("historical")
        print(f"Searching {cmip6_catalogue} for {VARIABLE_IDS} in {TABLE_ID}, activities {ACTIVITY_IDS}, experiments {experiment_ids}")
        """");

    public static NotebookCell Cmip6Open { get; } = NotebookCell.Code("cmip6-open", """"
        from portal_dask import open_cmip6_in_region

        # The catalogue and the stores are mounted only in the CMIP6 region: the search and the opening run as one task
        # in its pool, and only the datasets' metadata comes back; their data stays there until the analysis reduces it.
        cmip6_datasets = open_cmip6_in_region(
            client,
            CMIP6["region"],
            cmip6_catalogue,
            CMIP6["s3_uri"],
            CMIP6["fsx_path"],
            activity_ids=ACTIVITY_IDS,
            table_id=TABLE_ID,
            variable_ids=VARIABLE_IDS,
            experiment_ids=experiment_ids,
            # Empty lists mean any institution, any model.
            institution_id=INSTITUTION_IDS or None,
            source_id=SOURCE_IDS or None,
        )
        print(f"{len(cmip6_datasets)} CMIP6 datasets match: {sorted(cmip6_datasets)}")
        """");

    public static NotebookCell Cmip6Select { get; } = NotebookCell.Code("cmip6-select", """"
        def in_date_range(dataset, variable_id):
            """The variable sliced to START_DATE..END_DATE, or None when the dataset has no data in that range."""
            if variable_id not in dataset.data_vars:
                return None
            data = dataset[variable_id]
            time = next(dim for dim in data.dims if dim.startswith("time"))
            data = data.sel({time: slice(START_DATE, END_DATE)})
            return data if data.sizes[time] > 0 else None


        # Per variable, the datasets (by key) with data in the date range: the historical experiment ends in 2014 and
        # the SSPs start in 2015, so the dates choose between them.
        cmip6 = {}
        for variable_id in VARIABLE_IDS:
            in_range = {key: in_date_range(cmip6_datasets[key], variable_id) for key in sorted(cmip6_datasets)}
            cmip6[variable_id] = {key: data for key, data in in_range.items() if data is not None}
            print(f"{variable_id}: {len(cmip6[variable_id])} of {len(cmip6_datasets)} datasets have data from {START_DATE} to {END_DATE}")
        """");

    public static NotebookCell Cmip6Map { get; } = NotebookCell.Code("cmip6-map", """"
        # One figure per variable, from the first store in the date range; cmip6[variable_id] holds all of them.
        drawn = 0
        for variable_id, stores in cmip6.items():
            if not stores:
                print(f"No CMIP6 store has {variable_id} from {START_DATE} to {END_DATE} for experiments {experiment_ids}.")
                continue
            key, data = next(iter(stores.items()))
            cmip6_map = time_mean_map(data, CMIP6["region"])
            plot_map(cmip6_map, f"CMIP6 {variable_id} ({key}), mean {START_DATE} to {END_DATE} ({cmip6_map.attrs['units']})")
            drawn += 1
        if not drawn:
            raise RuntimeError(
                f"No CMIP6 map: no store of {VARIABLE_IDS} in {TABLE_ID} for {experiment_ids} ({ACTIVITY_IDS}) has data "
                f"from {START_DATE} to {END_DATE}. Launch again with other facets or dates."
            )
        """");
}
