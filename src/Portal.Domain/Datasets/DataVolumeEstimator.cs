using System.Globalization;
using Portal.Domain.Costs;
using Portal.Domain.Datasets.Stores;
using Portal.Domain.Sessions;

namespace Portal.Domain.Datasets;

/// <summary>
/// How many bytes a session's analysis reads from each selected dataset, and how we know: ERA5 computed from its grid
/// for the months asked, CMIP6 from the stores the query matches times a store's computed size, the registry's
/// published size otherwise, and an assumption stated as one when nothing is known.
/// </summary>
public sealed class DataVolumeEstimator(DatasetCatalog catalog, Cmip6StoreCatalogue? stores = null)
{
    /// <summary>What is assumed for a dataset whose size nothing publishes.</summary>
    public const long AssumedBytes = 100_000_000_000;

    /// <summary>ERA5 single levels on the 0.25° grid (ECMWF: 1440 longitudes × 721 latitudes); ocean waves on the 0.5° grid.</summary>
    private const long Era5Points = 1440L * 721;
    private const long Era5WavePoints = 720L * 361;

    /// <summary>A CMIP6 store is taken as one 2-D field on a 1° grid (360 × 180), 4 bytes a value.</summary>
    private const long Cmip6Points = 360L * 180;

    private const int BytesPerValue = 4;

    public DataToRead For(SessionRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var parts = new List<DataPart>();
        foreach (var id in request.Datasets.Distinct())
        {
            if (!catalog.TryGet(id, out var dataset) || !IsRead(dataset, request))
            {
                continue;
            }

            parts.Add(dataset.Layout switch
            {
                DatasetLayout.Era5Pds or DatasetLayout.NsfNcarEra5 => Era5(dataset, request),
                DatasetLayout.Cmip6Zarr when stores is not null => Cmip6(dataset, request, stores),
                _ => Published(dataset),
            });
        }

        return new DataToRead(parts);
    }

    private static bool IsRead(Dataset dataset, SessionRequest request) => dataset.Kind switch
    {
        DatasetKind.Reanalysis => request.UsesReanalysis,
        DatasetKind.Projection => request.UsesProjections,
        _ => true,
    };

    private static DataPart Era5(Dataset dataset, SessionRequest request)
    {
        var wave = Era5Variables.Find(request.Variable)?.Category == VariableCategory.Wave;
        var points = wave ? Era5WavePoints : Era5Points;
        var months = 0;
        var hours = 0L;
        for (var month = new DateOnly(request.StartDate.Year, request.StartDate.Month, 1); month <= request.EndDate; month = month.AddMonths(1))
        {
            months++;
            hours += DateTime.DaysInMonth(month.Year, month.Month) * 24L;
        }

        var grid = wave ? "720 × 361 points (0.5°)" : "1440 × 721 points (0.25°)";
        return new DataPart(dataset.DisplayName, dataset.Location.Region, hours * points * BytesPerValue, VolumeBasis.Computed,
            Text($"{request.Variable}: {months} month(s), {hours:N0} hourly fields of {grid} × {BytesPerValue} bytes, before compression"));
    }

    private static DataPart Cmip6(Dataset dataset, SessionRequest request, Cmip6StoreCatalogue stores)
    {
        var (count, bytes) = (0, 0L);
        foreach (var store in stores.Index.Matching(Cmip6StoreCatalogue.QueryFor(request)))
        {
            count++;
            bytes += StoreBytes(store);
        }

        return new DataPart(dataset.DisplayName, dataset.Location.Region, bytes, VolumeBasis.Computed,
            Text($"{count:N0} matching store(s), each taken as a 2-D field on a 1° grid (360 × 180) × {BytesPerValue} bytes over its experiment's years at its table's frequency"));
    }

    /// <summary>One store's size: values per step × steps per year (from its table) × years (from its experiment).</summary>
    private static long StoreBytes(StoreRecord store) => Cmip6Points * BytesPerValue * StepsPerYear(store.TableId) * Years(store.ExperimentId);

    private static int StepsPerYear(string table) => table switch
    {
        _ when table.EndsWith("fx", StringComparison.Ordinal) => 0,
        _ when table.Contains("3hr", StringComparison.Ordinal) => 2920,
        _ when table.Contains("6hr", StringComparison.Ordinal) => 1460,
        _ when table.Contains("day", StringComparison.OrdinalIgnoreCase) => 365,
        _ when table.Contains("yr", StringComparison.Ordinal) => 1,
        _ => 12,
    };

    /// <summary>CMIP6's historical runs cover 1850-2014; scenarios 2015-2100; anything else is taken as 150 years.</summary>
    private static int Years(string experiment) => experiment switch
    {
        "historical" => 165,
        _ when experiment.StartsWith("ssp", StringComparison.Ordinal) => 86,
        _ => 150,
    };

    private static DataPart Published(Dataset dataset) => dataset.SizeBytes is { } size
        ? new DataPart(dataset.DisplayName, dataset.Location.Region, size, VolumeBasis.Published, "the size the Open Data Registry publishes")
        : new DataPart(dataset.DisplayName, dataset.Location.Region, AssumedBytes, VolumeBasis.Assumed,
            Text($"assumed {AssumedBytes / 1_000_000_000:N0} GB read: nothing publishes this dataset's size"));

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
