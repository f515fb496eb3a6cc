using Portal.Domain.Cloud;
namespace Portal.Infra.Notebooks;

internal static partial class NotebookCells
{
    public static NotebookCell NexGddpIntro { get; } = NotebookCell.Markdown("nex-gddp-intro", """
        ## NEX-GDDP-CMIP6: the yearly files of one downscaled model

        NASA's NEX-GDDP-CMIP6 keeps one daily netCDF file per model, scenario, member, variable and year
        (`<model>/<scenario>/<member>/<variable>/<variable>_day_<model>_<scenario>_<member>_<grid>_<year>.nc`, reissued
        files with a version after the year). The chosen experiment is the scenario after 2014, historical before; the
        chosen CMIP6 variables that NEX-GDDP-CMIP6 has (hurs, huss, pr, rlds, rsds, sfcWind, tas, tasmax, tasmin) are
        read. Members, grid labels and versions differ by model, so the files are found by listing the mount, in the
        dataset's pool: the first model by name with every year needed, unless `NEX_MODEL` names one.
        """);

    public static NotebookCell NexGddpFiles { get; } = NotebookCell.Code("nex-gddp-files", """"
        from portal_dask import nex_gddp_scenarios, nex_gddp_variables

        NEX = DATASET_PATHS["nex-gddp-cmip6"]

        # None reads the first model, by name, that has every year the dates need; or name one, such as "ACCESS-CM2".
        NEX_MODEL = None

        nex_scenarios = nex_gddp_scenarios(EXPERIMENT, START_DATE, END_DATE)
        nex_variables, nex_missing = nex_gddp_variables(VARIABLE_IDS)
        for sentence in nex_missing:
            print(sentence)
        print(f"NEX-GDDP-CMIP6 {nex_variables} for " + ", ".join(f"{s} {first}-{last}" for s, first, last in nex_scenarios))
        """");

    public static NotebookCell NexGddpOpen { get; } = NotebookCell.Code("nex-gddp-open", """"
        from portal_dask import open_nex_gddp_in_region

        # Finding the files (a listing of the mount) and opening them run as one task in the dataset's pool; only the
        # datasets' metadata comes back, and their reads stay in that pool.
        nex = {}
        for variable_id, (found, dataset) in open_nex_gddp_in_region(
            client, NEX["region"], NEX["fsx_path"], nex_variables, EXPERIMENT, START_DATE, END_DATE, model=NEX_MODEL
        ).items():
            data = dataset[variable_id].sel(time=slice(START_DATE, END_DATE))
            members = ", ".join(f"{scenario} {member}" for scenario, member in found["members"].items())
            print(f"{variable_id}: {found['model']} ({members}), {len(found['files'])} yearly files, {data.sizes['time']} days")
            nex[variable_id] = (found["model"], data)
        """");

    public static NotebookCell NexGddpMap { get; } = NotebookCell.Code("nex-gddp-map", """"
        # One figure per variable NEX-GDDP-CMIP6 has.
        for variable_id, (model, data) in nex.items():
            if data.sizes["time"] == 0:
                print(f"NEX-GDDP-CMIP6 {model} has no {variable_id} from {START_DATE} to {END_DATE}.")
                continue
            nex_map = time_mean_map(data, NEX["region"])
            plot_map(nex_map, f"NEX-GDDP-CMIP6 {variable_id} ({model}), mean {START_DATE} to {END_DATE} ({nex_map.attrs['units']})")
        if not nex:
            print(f"No NEX-GDDP-CMIP6 map: none of {VARIABLE_IDS} is a NEX-GDDP-CMIP6 variable.")
        """");
}
