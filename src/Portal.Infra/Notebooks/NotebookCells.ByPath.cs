using Portal.Domain.Cloud;
namespace Portal.Infra.Notebooks;

internal static partial class NotebookCells
{
    public static NotebookCell ByPathIntro { get; } = NotebookCell.Markdown("by-path-intro", """
        ## Data opened by path

        The built-in analysis does not read the other selected datasets (layout `none` in `DATASET_PATHS`): the cell
        below lists each one in its own pool, says where it is (its FSx path when its pool's workers mount it, its S3
        URI otherwise, and its other prefixes in the region) and gives the line that opens it by its format, inside
        `open_in_region` so that its bytes are read next to them. Nothing is analysed automatically.
        """);

    public static NotebookCell ByPath { get; } = NotebookCell.Code("by-path", """"
        from portal_dask import describe_by_path, open_in_region

        # Each listing runs as a task in the dataset's own pool (POOLS); nothing is read here.
        for dataset_id, description in describe_by_path(client, DATASET_PATHS).items():
            print(description)
        """");
}
