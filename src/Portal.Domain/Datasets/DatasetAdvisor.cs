using System.Globalization;
using Portal.Domain.Costs;
using Portal.Domain.Regions;
using Portal.Domain.Sessions;

namespace Portal.Domain.Datasets;

/// <summary>
/// The notices a selection earns before launch: data where no worker region runs (with its size when known, the bytes
/// that would move home and what moving them costs), requester-pays buckets, deprecated datasets (naming the successor)
/// and datasets the built-in analysis does not read.
/// </summary>
public sealed class DatasetAdvisor(IRegionDirectory regions, DatasetCatalog catalog)
{
    private const decimal BytesPerGb = 1_000_000_000m;

    /// <summary>True when sessions can run workers next to data in <paramref name="region"/> (a disabled worker region cannot).</summary>
    public bool HasWorkers(RegionCode region) => regions.Current.RunsWorkersIn(region);

    /// <param name="prices">For the cost of moving data home; null while prices load (the notice then gives no figure).</param>
    public IReadOnlyList<DatasetNotice> For(IEnumerable<DatasetId> selected, PriceBook? prices)
    {
        ArgumentNullException.ThrowIfNull(selected);
        var notices = new List<DatasetNotice>();
        foreach (var id in selected.Distinct())
        {
            if (!catalog.TryGet(id, out var dataset))
            {
                continue;
            }

            if (!HasWorkers(dataset.Location.Region))
            {
                notices.Add(Outside(dataset, prices));
            }

            if (dataset.Deprecated)
            {
                notices.Add(Deprecated(dataset));
            }

            if (dataset.RequesterPays)
            {
                notices.Add(new(dataset.Id, DatasetNoticeKind.RequesterPays, $"{dataset.Name}: requester pays",
                    $"Whoever reads {dataset.Location.S3Uri} pays for the requests and the bytes: the portal's AWS account is billed for "
                    + "what the session reads, on top of the session's cost shown here. Read only the files you need.", Blocks: false));
            }

            if (!dataset.IsAnalysable)
            {
                notices.Add(new(dataset.Id, DatasetNoticeKind.OpenedByPath, $"{dataset.Name}: opened by path",
                    $"The built-in analysis does not read {dataset.Name}; the notebook lists its path ({dataset.Location.S3Uri}"
                    + (dataset.MoreLocations.Count > 0 ? $" and {dataset.MoreLocations.Count} more" : string.Empty)
                    + $") for you to open{FormatHint(dataset.Format)}, with Dask workers in {dataset.Location.Region}.", Blocks: false));
            }
        }

        return notices;
    }

    private DatasetNotice Outside(Dataset dataset, PriceBook? prices)
    {
        var catalog = regions.Current;
        var region = dataset.Location.Region;
        var where = AwsRegions.Find(region) is { } known ? $"{region} ({known.Name})" : region.Value;
        var home = catalog.Home.Code;
        var price = prices?.FindTransfer(region, home);
        string moving;
        if (dataset.SizeBytes is { } size)
        {
            var gb = size / BytesPerGb;
            moving = price is null
                ? $"Copying its {ByteSize.Format(size)} home to {home} would be billed at {region}'s inter-region transfer rate, which the price book does not hold."
                : string.Create(CultureInfo.InvariantCulture,
                    $"Copying its {ByteSize.Format(size)} home to {home} instead would move {ByteSize.Format(size)} across regions: about ${decimal.Round(gb * price.Usd, 2):N2} at ${price.Usd:0.###} per GB.");
        }
        else
        {
            moving = price is null
                ? $"The registry does not publish its size; every GB an analysis in {home} read from it would cross regions at {region}'s inter-region transfer rate, which the price book does not hold."
                : string.Create(CultureInfo.InvariantCulture,
                    $"The registry does not publish its size; every GB an analysis in {home} read from it would cross regions at ${price.Usd:0.###} per GB (100 GB: ${100 * price.Usd:N2}).");
        }

        var workers = string.Join(", ", catalog.Workers.Where(r => r.RunsWorkers).Select(r => r.Code.Value));
        var why = catalog.IsDisabled(region) ? "a worker region an admin disabled" : "where the portal has no worker region";
        return new(dataset.Id, DatasetNoticeKind.OutsideWorkerRegions, $"{dataset.Name}: no workers in {region}",
            $"{dataset.Name} lives in {where}, {why}, so no Dask workers can run next to it. {moving} "
            + $"Ask an admin to enable {region}, or choose data in a worker region ({workers}).", Blocks: true);
    }

    private DatasetNotice Deprecated(Dataset dataset)
    {
        var message = $"The Open Data Registry marks {dataset.Name} deprecated: its data may stop being updated or be removed.";
        if (dataset.Successor is { } successorId && catalog.TryGet(successorId, out var successor))
        {
            message += $" {successor.DisplayName} replaces it; select it on the map instead.";
        }

        return new(dataset.Id, DatasetNoticeKind.Deprecated, $"{dataset.Name}: deprecated", message, Blocks: false);
    }

    private static string FormatHint(DataFormat format) => format switch
    {
        DataFormat.Unknown => string.Empty,
        DataFormat.NetCdf => " (netCDF: xarray.open_mfdataset)",
        DataFormat.Zarr => " (Zarr: xarray.open_zarr)",
        DataFormat.Parquet => " (Parquet: dask.dataframe.read_parquet)",
        DataFormat.Csv => " (CSV: dask.dataframe.read_csv)",
        _ => $" ({format})",
    };
}
