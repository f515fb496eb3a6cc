using System.Globalization;
using Portal.Domain.Datasets;
using Portal.Domain.Regions;
using Portal.Domain.Sessions;
using Portal.Infra.Notebooks;

namespace Portal.Infra.Compute;

/// <summary>
/// What sample data a region's pool needs for a session, handed to <c>portal_sandbox.pool</c> as JSON: the data root and,
/// per dataset of the region the request analyses, its layout, the variables, the dates and (CMIP6) the facets.
/// Datasets of no layout get none: the notebook only says where they are.
/// </summary>
internal sealed record SampleDataRequest(string Root, string Region, IReadOnlyList<SampleDataset> Datasets)
{
    public static SampleDataRequest For(Session session, RegionCode region, string dataRoot)
    {
        ArgumentNullException.ThrowIfNull(session);
        var request = session.Request;
        var start = request.StartDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var end = request.EndDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var datasets = new List<SampleDataset>();
        foreach (var id in request.Datasets.Distinct())
        {
            if (!DatasetCatalog.Default.TryGet(id, out var dataset) || dataset.Location.Region != region)
            {
                continue;
            }

            var folder = dataset.Location.S3Uri["s3://".Length..];
            var kind = DatasetNames.Layout(dataset.Layout);
            switch (dataset.Layout)
            {
                case DatasetLayout.Era5Pds or DatasetLayout.NsfNcarEra5 when request.UsesReanalysis:
                    datasets.Add(new SampleDataset(kind, folder, start, end, [request.Variable], [], null, null));
                    break;
                case DatasetLayout.Cmip6Zarr or DatasetLayout.NexGddpCmip6 or DatasetLayout.Cesm2Lens when request.UsesProjections:
                    datasets.Add(new SampleDataset(kind, folder, start, end, request.VariableIds, request.ActivityIds, request.TableId, request.Experiment));
                    break;
                default:
                    break;
            }
        }

        return new SampleDataRequest(dataRoot, region.Value, datasets);
    }
}

/// <param name="Kind">The dataset's layout as the notebook names it: era5_pds, nsf_ncar_era5, cmip6_zarr, nex_gddp_cmip6, cesm2_lens.</param>
/// <param name="Folder">The dataset's folder under the region's data root (its bucket and prefix): era5-pds, nex-gddp-cmip6/NEX-GDDP-CMIP6.</param>
internal sealed record SampleDataset(
    string Kind,
    string Folder,
    string Start,
    string End,
    IReadOnlyList<string> Variables,
    IReadOnlyList<string> ActivityIds,
    string? TableId,
    string? Experiment);
