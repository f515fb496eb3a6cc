namespace Portal.Infra.Notebooks;

internal static partial class NotebookCells
{
    public static NotebookCell Cmip6Intro { get; } = NotebookCell.Markdown("cmip6-intro", """
        ## CMIP6: the stores that match the facets

        The intake-esm catalogue of cmip6-pds is searched for the chosen activities, table, variables and experiment,
        and the matching Zarr stores are opened in the CMIP6 region's pool.
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
        import dask

        CMIP6_POOL = POOLS[CMIP6["region"]]


        def open_cmip6(catalogue, s3_uri, fsx_path, activity_ids, table_id, variable_ids, experiment_ids):
            """Searches the catalogue and opens every matching store lazily. Runs as one task in the CMIP6 pool."""
            import json
            import os

            import intake
            import pandas as pd

            with open(catalogue, encoding="utf-8") as file:
                esmcat = json.load(file)
            # The CSV sits next to the JSON in the bucket: read it, and then every store, through the FSx mount.
            table = os.path.join(os.path.dirname(catalogue), os.path.basename(esmcat["catalog_file"]))
            stores = pd.read_csv(table if os.path.exists(table) else esmcat["catalog_file"])
            path_column = esmcat["assets"]["column_name"]
            stores[path_column] = stores[path_column].str.replace(f"{s3_uri}/", f"{fsx_path}/", regex=False)
            col = intake.open_esm_datastore({"esmcat": esmcat, "df": stores})
            found = col.search(activity_id=activity_ids, table_id=table_id, variable_id=variable_ids, experiment_id=experiment_ids)
            if found.df.empty:
                return {}
            # intake-esm opens the stores with dask.compute from threads of its own: keep that on this worker.
            with dask.config.set(scheduler="threads"):
                return found.to_dataset_dict(xarray_open_kwargs={"consolidated": True}, progressbar=False)


        # The catalogue and the stores are mounted only in the CMIP6 region, and a dask.annotate block around
        # to_dataset_dict would not reach intake-esm's threads, so search and open run as one task in that region's pool.
        # Only the datasets' metadata comes back; their data stays there until the analysis reduces it.
        with dask.annotate(resources={CMIP6_POOL: 1}):
            cmip6_datasets = client.submit(
                open_cmip6,
                cmip6_catalogue,
                CMIP6["s3_uri"],
                CMIP6["fsx_path"],
                ACTIVITY_IDS,
                TABLE_ID,
                VARIABLE_IDS,
                experiment_ids,
                pure=False,
            ).result()
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
        for variable_id, stores in cmip6.items():
            if not stores:
                print(f"No CMIP6 store has {variable_id} from {START_DATE} to {END_DATE} for experiments {experiment_ids}.")
                continue
            key, data = next(iter(stores.items()))
            cmip6_map = time_mean_map(data, CMIP6_POOL)
            plot_map(cmip6_map, f"CMIP6 {variable_id} ({key}), mean {START_DATE} to {END_DATE} ({cmip6_map.attrs['units']})")
        """");
}
