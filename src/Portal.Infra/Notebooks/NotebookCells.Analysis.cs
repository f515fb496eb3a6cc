using Portal.Domain.Cloud;
namespace Portal.Infra.Notebooks;

internal static partial class NotebookCells
{
    public static NotebookCell AnalysisIntro { get; } = NotebookCell.Markdown("analysis-intro", """
        ## Analysis: the mean over time

        As in the sample: the mean over time of each dataset, converted from kelvin to degrees Celsius, computed in the
        dataset's own pool so that only the 2-D map crosses regions, then plotted. Each dataset keeps its own grid.
        """);

    public static NotebookCell AnalysisHelpers { get; } = NotebookCell.Code("analysis-helpers", """"
        import matplotlib.pyplot as plt
        from portal_dask import compute_in_region, in_region


        def time_mean_map(data, region):
            """The mean over time of `data` as one 2-D map, in degrees Celsius when the data is in kelvin.

            The reduction is built inside the region's pool and computed there, so every task of the graph, the reads
            included, runs on that region's workers, and only the reduced map crosses to the notebook.
            """
            time = next(dim for dim in data.dims if dim.startswith("time"))
            units = data.attrs.get("units", "")
            with in_region(region):
                field = data.mean(time)
                # CMIP6 stores add ensemble members and start years: average them. Any other extra axis (a pressure
                # level) is cut at its first value, so one map comes back.
                ensemble = [dim for dim in ("member_id", "dcpp_init_year") if dim in field.dims]
                if ensemble:
                    field = field.mean(ensemble)
                field = field.isel({dim: 0 for dim in field.dims[:-2]})
                if units == "K":
                    field = field - 273.15
                    units = "°C"
            field = compute_in_region(client, region, field)
            field.attrs["units"] = units
            return field


        def plot_map(field, title):
            """One figure: the map as a pcolormesh with its units on the colour bar."""
            _, axes = plt.subplots(figsize=(12, 5))
            field.plot(ax=axes, cbar_kwargs={"label": field.attrs["units"]})
            axes.set_title(title)
            plt.show()
        """");

    public static NotebookCell NoLoadCells { get; } = NotebookCell.Markdown("no-load-cells", """
        ## Data

        None of the selected datasets has a ready-made load cell. `DATASET_PATHS` says where each one is mounted, and
        `POOLS` names the pool of workers next to it.
        """);
}
