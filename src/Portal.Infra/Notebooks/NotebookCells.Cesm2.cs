using Portal.Domain.Cloud;
namespace Portal.Infra.Notebooks;

internal static partial class NotebookCells
{
    public static NotebookCell Cesm2Intro { get; } = NotebookCell.Markdown("cesm2-intro", """
        ## CESM2-LENS: the ensemble's monthly stores

        NCAR's CESM2 Large Ensemble keeps one Zarr store per component, frequency, experiment, forcing and CESM
        variable (`atm/monthly/cesm2LE-<experiment>-<forcing>-<variable>.zarr`), every member inside. Its only scenario
        is SSP3-7.0: the stores of `historical` (to 2014) and `ssp370` (from 2015) the dates need are read, whatever
        experiment was chosen. The chosen CMIP6 variables are read under their CESM names (tas is TREFHT, ta is T and
        zg is Z3 at the lowest model level, pr is PRECC + PRECL); those with no CESM equivalent are named and skipped.
        The members are averaged in the map.
        """);

    public static NotebookCell Cesm2Open { get; } = NotebookCell.Code("cesm2-open", """"
        from portal_dask import cesm2_experiments, cesm2_variables, open_cesm2_in_region

        CESM2 = DATASET_PATHS["ncar-cesm2-lens"]

        # The forcing variant: "cmip6" (CMIP6's biomass burning) or "smbb" (smoothed biomass burning), 50 members each.
        CESM2_FORCING = "cmip6"

        cesm2_names, cesm2_refused = cesm2_variables(VARIABLE_IDS)
        for sentence in cesm2_refused:
            print(sentence)
        cesm2_spans = cesm2_experiments(START_DATE, END_DATE)
        if EXPERIMENT != "ssp370" and any(experiment == "ssp370" for experiment, _, _ in cesm2_spans):
            print(f"CESM2-LENS ran only SSP3-7.0 after 2014: reading ssp370 where {EXPERIMENT} was chosen.")

        # The stores are opened as one task in the dataset's pool; only their metadata comes back.
        cesm2 = open_cesm2_in_region(client, CESM2["region"], CESM2["fsx_path"], list(cesm2_names), START_DATE, END_DATE, forcing=CESM2_FORCING)
        for variable_id, data in cesm2.items():
            print(f"{variable_id}: {'+'.join(cesm2_names[variable_id])}, {data.sizes['member_id']} members, {data.sizes['time']} months")
        """");

    public static NotebookCell Cesm2Map { get; } = NotebookCell.Code("cesm2-map", """"
        # One figure per variable with a CESM equivalent: the ensemble mean over the date range.
        for variable_id, data in cesm2.items():
            if data.sizes["time"] == 0:
                print(f"CESM2-LENS has no {variable_id} from {START_DATE} to {END_DATE}.")
                continue
            cesm2_map = time_mean_map(data, CESM2["region"])
            plot_map(cesm2_map, f"CESM2-LENS {variable_id} ({CESM2_FORCING}, ensemble mean), mean {START_DATE} to {END_DATE} ({cesm2_map.attrs['units']})")
        if not cesm2:
            print(f"No CESM2-LENS map: none of {VARIABLE_IDS} has a CESM2-LENS equivalent.")
        """");
}
