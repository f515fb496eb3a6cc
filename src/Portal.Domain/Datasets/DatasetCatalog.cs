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

    private readonly Lock _changing = new();
    private volatile Snapshot _snapshot;

    public DatasetCatalog(IEnumerable<Dataset> datasets) => _snapshot = Snapshot.Of(datasets, new Dictionary<DatasetId, DatasetOverride>());

    /// <summary>The datasets the portal analyses end to end, with their layouts, formats and coverage; the registry import adds the rest.</summary>
    public static IReadOnlyList<Dataset> Curated { get; } = CuratedDatasets.All;

    /// <summary>A new catalogue of the curated datasets only (every call a new instance: a catalogue can be replaced).</summary>
    public static DatasetCatalog Default => new(Curated);

    /// <summary>Every dataset users can pick (the enabled ones, with an admin's display fields), in catalogue order.</summary>
    public IReadOnlyList<Dataset> All => _snapshot.All;

    /// <summary>Every dataset, disabled ones too, with an admin's display fields (the admin's Datasets page).</summary>
    public IReadOnlyList<Dataset> Everything => _snapshot.Everything;

    /// <summary>The datasets as imported, without an admin's changes (what an import compares with).</summary>
    public IReadOnlyList<Dataset> Imported => _snapshot.Imported;

    /// <summary>What admins changed, by dataset id.</summary>
    public IReadOnlyDictionary<DatasetId, DatasetOverride> Overrides => _snapshot.Overrides;

    /// <summary>Counts replacements, so views built from the catalogue know when to rebuild.</summary>
    public int Version => _snapshot.Version;

    /// <summary>Replaces every dataset at once (an import); readers never see a half-replaced catalogue.</summary>
    /// <exception cref="DomainException">An id is listed twice.</exception>
    /// <remarks>An admin's changes (<see cref="Overrides"/>) are kept.</remarks>
    public void Replace(IEnumerable<Dataset> datasets)
    {
        lock (_changing)
        {
            _snapshot = Snapshot.Of(datasets, _snapshot.Overrides, _snapshot.Version + 1);
        }
    }

    /// <summary>Replaces every admin change at once (the stored ones at start, or after an admin's edit).</summary>
    public void ReplaceOverrides(IEnumerable<DatasetOverride> overrides)
    {
        ArgumentNullException.ThrowIfNull(overrides);
        lock (_changing)
        {
            _snapshot = Snapshot.Of(_snapshot.Imported, overrides.ToDictionary(o => o.Id), _snapshot.Version + 1);
        }
    }

    /// <summary>Puts one admin change in place of the dataset's earlier one.</summary>
    public void Override(DatasetOverride change)
    {
        ArgumentNullException.ThrowIfNull(change);
        lock (_changing)
        {
            var overrides = new Dictionary<DatasetId, DatasetOverride>(_snapshot.Overrides) { [change.Id] = change };
            _snapshot = Snapshot.Of(_snapshot.Imported, overrides, _snapshot.Version + 1);
        }
    }

    /// <exception cref="DomainException">The dataset is not in the catalogue, or an admin disabled it.</exception>
    public Dataset Get(DatasetId id) =>
        TryGet(id, out var dataset)
            ? dataset
            : throw new DomainException(IsDisabled(id) ? DisabledMessage(id) : $"Dataset {id} is not in the catalogue.");

    /// <summary>An enabled dataset by id; false for one an admin disabled (see <see cref="IsDisabled"/>).</summary>
    public bool TryGet(DatasetId id, out Dataset dataset) => _snapshot.ById.TryGetValue(id, out dataset!);

    /// <summary>Any dataset by id, disabled ones too (showing what an older session used).</summary>
    public bool TryGetAny(DatasetId id, out Dataset dataset) =>
        _snapshot.ById.TryGetValue(id, out dataset!) || _snapshot.Disabled.TryGetValue(id, out dataset!);

    /// <summary>True when the dataset is in the catalogue but an admin disabled it.</summary>
    public bool IsDisabled(DatasetId id) => _snapshot.Disabled.ContainsKey(id);

    /// <summary>What a launch or an estimate naming a disabled dataset is told.</summary>
    public static string DisabledMessage(DatasetId id) => $"The dataset '{id}' has been disabled by an admin; choose another.";

    /// <summary>
    /// The datasets whose bytes live in <paramref name="region"/>, in catalogue order, disabled ones too (a region's
    /// foundation links its data whatever users may pick; users' views read <see cref="All"/>).
    /// </summary>
    public IReadOnlyList<Dataset> In(RegionCode region) =>
        _snapshot.ByRegion.TryGetValue(region, out var held) ? held : [];

    /// <summary>The regions that hold at least one dataset, with how many each holds (disabled ones too, as <see cref="In"/>).</summary>
    public IReadOnlyDictionary<RegionCode, int> CountsByRegion => _snapshot.Counts;

    private sealed class Snapshot
    {
        private Snapshot(
            Dictionary<DatasetId, Dataset> byId,
            IReadOnlyList<Dataset> all,
            IReadOnlyList<Dataset> imported,
            IReadOnlyList<Dataset> everything,
            Dictionary<DatasetId, Dataset> disabled,
            IReadOnlyDictionary<DatasetId, DatasetOverride> overrides,
            int version)
        {
            ById = byId;
            All = all;
            Imported = imported;
            Everything = everything;
            Disabled = disabled;
            Overrides = overrides;
            Version = version;
            // Where the data lives, disabled datasets too: a region's foundation (its FSx links) does not change when an
            // admin hides a dataset from users.
            ByRegion = everything.GroupBy(d => d.Location.Region).ToDictionary(g => g.Key, g => (IReadOnlyList<Dataset>)[.. g]);
            Counts = ByRegion.ToDictionary(p => p.Key, p => p.Value.Count);
        }

        public Dictionary<DatasetId, Dataset> ById { get; }

        public IReadOnlyList<Dataset> All { get; }

        public IReadOnlyList<Dataset> Imported { get; }

        public IReadOnlyList<Dataset> Everything { get; }

        public Dictionary<DatasetId, Dataset> Disabled { get; }

        public IReadOnlyDictionary<DatasetId, DatasetOverride> Overrides { get; }

        public Dictionary<RegionCode, IReadOnlyList<Dataset>> ByRegion { get; }

        public Dictionary<RegionCode, int> Counts { get; }

        public int Version { get; }

        public static Snapshot Of(IEnumerable<Dataset> datasets, IReadOnlyDictionary<DatasetId, DatasetOverride> overrides, int version = 0)
        {
            ArgumentNullException.ThrowIfNull(datasets);
            var seen = new HashSet<DatasetId>();
            var byId = new Dictionary<DatasetId, Dataset>();
            var disabled = new Dictionary<DatasetId, Dataset>();
            var imported = new List<Dataset>();
            var everything = new List<Dataset>();
            var all = new List<Dataset>();
            foreach (var dataset in datasets)
            {
                if (!seen.Add(dataset.Id))
                {
                    throw new DomainException($"Dataset {dataset.Id} is listed twice.");
                }

                imported.Add(dataset);
                var shown = overrides.TryGetValue(dataset.Id, out var change) ? change.ApplyTo(dataset) : dataset;
                everything.Add(shown);
                if (change is { Enabled: false })
                {
                    disabled.Add(dataset.Id, shown);
                    continue;
                }

                byId.Add(dataset.Id, shown);
                all.Add(shown);
            }

            return new Snapshot(byId, all, imported, everything, disabled, overrides, version);
        }
    }
}
