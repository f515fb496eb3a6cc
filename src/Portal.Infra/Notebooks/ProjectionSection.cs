using Portal.Domain.Cloud;
using Portal.Domain.Datasets;

namespace Portal.Infra.Notebooks;

/// <summary>
/// The cells that read one projection dataset (its load cells before the analysis, its map after) and the name the
/// title gives it. Each selected projection dataset gets its own section: they are different products (CMIP6's models,
/// NASA's downscaling of them, NCAR's large ensemble), each read in its own region's pool, and side by side they are
/// the comparison a user selecting several asked for.
/// </summary>
internal sealed record ProjectionSection(DatasetId Dataset, string Title, IReadOnlyList<NotebookCell> Load, NotebookCell Map)
{
    public static IReadOnlyList<ProjectionSection> All { get; } =
    [
        new(DatasetCatalog.Cmip6, "CMIP6",
            [NotebookCells.Cmip6Intro, NotebookCells.Cmip6Query, NotebookCells.Cmip6Open, NotebookCells.Cmip6Select],
            NotebookCells.Cmip6Map),
        new(DatasetCatalog.NexGddpCmip6, "NEX-GDDP-CMIP6",
            [NotebookCells.NexGddpIntro, NotebookCells.NexGddpFiles, NotebookCells.NexGddpOpen],
            NotebookCells.NexGddpMap),
        new(DatasetCatalog.Cesm2Lens, "CESM2-LENS",
            [NotebookCells.Cesm2Intro, NotebookCells.Cesm2Open],
            NotebookCells.Cesm2Map),
    ];
}
