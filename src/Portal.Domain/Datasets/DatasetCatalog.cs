using Portal.Domain.Regions;

namespace Portal.Domain.Datasets;

/// <summary>
/// The datasets users can pick: the whole Open Data Registry once imported (see Infra's catalogue importer), and at
/// least the datasets the portal analyses end to end (<see cref="Curated"/>). Readers always see one consistent
/// snapshot; an import replaces it whole (<see cref="Replace"/>).
/// </summary>
public sealed class DatasetCatalog
{
    /// <summary>ERA5 in its first home, era5-pds (registry slug <c>ecmwf-era5</c>); the id is kept from the first catalogue so older sessions resolve.</summary>
    public static readonly DatasetId Era5 = DatasetId.Parse("era5");

    /// <summary>ERA5 in its new home, nsf-ncar-era5 in us-west-2, which the registry names as era5-pds's successor.</summary>
    public static readonly DatasetId Era5Ncar = DatasetId.Parse("nsf-ncar-era5");

    public static readonly DatasetId Cmip6 = DatasetId.Parse("cmip6");

    public static readonly DatasetId NexGddpCmip6 = DatasetId.Parse("nex-gddp-cmip6");

    public static readonly DatasetId Cesm2Lens = DatasetId.Parse("ncar-cesm2-lens");

    private volatile Snapshot _snapshot;

    public DatasetCatalog(IEnumerable<Dataset> datasets) => _snapshot = Snapshot.Of(datasets);

    /// <summary>The datasets the portal analyses end to end, with their layouts, formats and coverage; the registry import adds the rest.</summary>
    public static IReadOnlyList<Dataset> Curated { get; } = CuratedDatasets.All;

    /// <summary>A new catalogue of the curated datasets only (every call a new instance: a catalogue can be replaced).</summary>
    public static DatasetCatalog Default => new(Curated);

    /// <summary>Every dataset, in catalogue order.</summary>
    public IReadOnlyList<Dataset> All => _snapshot.All;

    /// <summary>Counts replacements, so views built from the catalogue know when to rebuild.</summary>
    public int Version => _snapshot.Version;

    /// <summary>Replaces every dataset at once (an import); readers never see a half-replaced catalogue.</summary>
    /// <exception cref="DomainException">An id is listed twice.</exception>
    public void Replace(IEnumerable<Dataset> datasets) => _snapshot = Snapshot.Of(datasets, _snapshot.Version + 1);

    public Dataset Get(DatasetId id) =>
        TryGet(id, out var dataset)
            ? dataset
            : throw new DomainException($"Dataset {id} is not in the catalogue.");

    public bool TryGet(DatasetId id, out Dataset dataset) => _snapshot.ById.TryGetValue(id, out dataset!);

    /// <summary>The datasets whose bytes live in <paramref name="region"/>, in catalogue order.</summary>
    public IReadOnlyList<Dataset> In(RegionCode region) =>
        _snapshot.ByRegion.TryGetValue(region, out var held) ? held : [];

    /// <summary>The regions that hold at least one dataset, with how many each holds.</summary>
    public IReadOnlyDictionary<RegionCode, int> CountsByRegion => _snapshot.Counts;

    private sealed class Snapshot
    {
        private Snapshot(Dictionary<DatasetId, Dataset> byId, IReadOnlyList<Dataset> all, int version)
        {
            ById = byId;
            All = all;
            Version = version;
            ByRegion = all.GroupBy(d => d.Location.Region).ToDictionary(g => g.Key, g => (IReadOnlyList<Dataset>)[.. g]);
            Counts = ByRegion.ToDictionary(p => p.Key, p => p.Value.Count);
        }

        public Dictionary<DatasetId, Dataset> ById { get; }

        public IReadOnlyList<Dataset> All { get; }

        public Dictionary<RegionCode, IReadOnlyList<Dataset>> ByRegion { get; }

        public Dictionary<RegionCode, int> Counts { get; }

        public int Version { get; }

        public static Snapshot Of(IEnumerable<Dataset> datasets, int version = 0)
        {
            ArgumentNullException.ThrowIfNull(datasets);
            var byId = new Dictionary<DatasetId, Dataset>();
            var all = new List<Dataset>();
            foreach (var dataset in datasets)
            {
                if (!byId.TryAdd(dataset.Id, dataset))
                {
                    throw new DomainException($"Dataset {dataset.Id} is listed twice.");
                }

                all.Add(dataset);
            }

            return new Snapshot(byId, all, version);
        }
    }
}
