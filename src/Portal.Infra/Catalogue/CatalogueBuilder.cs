using Portal.Domain.Datasets;

namespace Portal.Infra.Catalogue;

/// <summary>
/// Turns registry datasets into the portal's: one <see cref="Dataset"/> per registry dataset and region, at the first
/// bucket and prefix the registry lists there (never widened to the whole bucket), with the curated datasets
/// (<see cref="DatasetCatalog.Curated"/>) laid over the registry's facts for the same slug and region. Pure: no I/O.
/// </summary>
/// <remarks>
/// Ids: the slug for the region of the dataset's first resource, <c>{slug}-{region}</c> for its other regions
/// (<c>cmip6-us-east-2</c> is CMIP6's esgf-world); a curated dataset keeps its own id (<c>era5</c> is ecmwf-era5). An id
/// already taken is a problem, and the later dataset is skipped. Order: the curated datasets first, then the rest by slug,
/// each slug's home region first.
/// </remarks>
internal static class CatalogueBuilder
{
    /// <summary>Where datasets that were already in the catalogue come from, in problems.</summary>
    public const string StoredCatalogue = "stored catalogue";

    /// <summary>
    /// The catalogue <paramref name="registry"/> makes with <paramref name="curated"/>, plus the datasets of
    /// <paramref name="keep"/> (those already stored that the import leaves alone), which win id clashes.
    /// </summary>
    public static CatalogueBuild Build(IReadOnlyList<RegistryDataset> registry, IReadOnlyList<Dataset> curated, IEnumerable<Dataset>? keep = null)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(curated);
        var problems = new List<CatalogueProblem>();
        var curatedIds = curated.Select(c => c.Id.Value).ToHashSet(StringComparer.Ordinal);
        var pool = (keep ?? []).Select(d => new Candidate(d, StoredCatalogue, 0)).ToList();
        pool.AddRange(registry.SelectMany(r => ToCandidates(r, curatedIds, problems)));
        var composed = Compose(pool, curated);
        problems.AddRange(composed.Problems);
        var imported = registry.Select(r => r.Slug).ToHashSet(StringComparer.Ordinal);
        return new CatalogueBuild(composed.Datasets, problems, composed.Datasets.Count(d => imported.Contains(d.Slug)));
    }

    /// <summary>
    /// Lays the curated datasets over <paramref name="pool"/> (matched by id, or by slug and region), skips the ids taken
    /// twice (the later one), orders the catalogue and points successors at datasets that are in it. Loading the stored
    /// catalogue goes through here too, so a curated definition changed in code applies at the next start.
    /// </summary>
    public static CatalogueBuild Compose(IEnumerable<Candidate> pool, IReadOnlyList<Dataset> curated)
    {
        ArgumentNullException.ThrowIfNull(pool);
        ArgumentNullException.ThrowIfNull(curated);
        var remaining = pool.ToList();
        var datasets = new List<Dataset>(remaining.Count + curated.Count);
        foreach (var dataset in curated)
        {
            var match = remaining.FindIndex(c => c.Dataset.Id == dataset.Id)
                        is var byId and >= 0 ? byId : remaining.FindIndex(c => IsSameData(c.Dataset, dataset));
            if (match >= 0)
            {
                datasets.Add(Overlay(dataset, remaining[match].Dataset));
                remaining.RemoveAt(match);
            }
            else
            {
                datasets.Add(dataset);
            }
        }

        var problems = new List<CatalogueProblem>();
        var taken = datasets.ToDictionary(d => d.Id, d => d);
        var others = new List<Dataset>(remaining.Count);
        foreach (var (dataset, file, line) in remaining)
        {
            if (taken.TryGetValue(dataset.Id, out var holder))
            {
                problems.Add(new CatalogueProblem(file, line,
                    $"The id {dataset.Id} ({dataset.Slug} in {dataset.Location.Region}) is taken by {holder.Slug} in {holder.Location.Region}; {dataset.Slug} in {dataset.Location.Region} is skipped."));
                continue;
            }

            taken.Add(dataset.Id, dataset);
            others.Add(dataset);
        }

        datasets.AddRange(others
            .OrderBy(d => d.Slug, StringComparer.Ordinal)
            .ThenBy(d => d.Id.Value == d.Slug ? 0 : 1)
            .ThenBy(d => d.Id.Value, StringComparer.Ordinal));
        return new CatalogueBuild(ResolveSuccessors(datasets), problems, datasets.Count);
    }

    /// <summary>One portal dataset per region of <paramref name="registry"/>; none when it has no S3 resource.</summary>
    public static IEnumerable<Candidate> ToCandidates(RegistryDataset registry, IReadOnlySet<string> curatedIds, ICollection<CatalogueProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(curatedIds);
        ArgumentNullException.ThrowIfNull(problems);
        if (registry.Resources.Count == 0)
        {
            yield break;
        }

        var tags = Tags(registry.Tags);
        var format = FormatFrom(tags);
        DatasetId? successor = registry.Successor is { } slug && DatasetId.TryParse(slug, out var id) ? id : null;
        var home = registry.Resources[0].Region;
        foreach (var inRegion in registry.Resources.GroupBy(r => r.Region))
        {
            var region = inRegion.Key;

            // A curated dataset with the slug as its id lives in one region; the slug's other regions say theirs.
            var text = region == home && !curatedIds.Contains(registry.Slug) ? registry.Slug : $"{registry.Slug}-{region}";
            if (!DatasetId.TryParse(text, out var datasetId))
            {
                problems.Add(new CatalogueProblem(registry.File, registry.Line, $"'{text}' is too long for a dataset id ({DatasetId.MaxLength} characters); {registry.Slug} in {region} is skipped."));
                continue;
            }

            var locations = inRegion.Select(r => r.S3Uri).Distinct(StringComparer.Ordinal).Select(uri => new DataLocation(region, uri)).ToList();
            var dataset = new Dataset(datasetId, registry.Name, DatasetKind.Other, locations[0], format, null, registry.License, string.Empty)
            {
                Slug = registry.Slug,
                Tags = tags,
                ManagedBy = registry.ManagedBy,
                UpdateFrequency = registry.UpdateFrequency,
                RequesterPays = inRegion.Any(r => r.RequesterPays),
                Deprecated = registry.Deprecated,
                Successor = successor,
                MoreLocations = locations[1..],
            };
            yield return new Candidate(dataset, registry.File, registry.Line);
        }
    }

    /// <summary>The format the registry's tags name (the first tag that names one), else <see cref="DataFormat.Unknown"/>.</summary>
    public static DataFormat FormatFrom(IEnumerable<string> tags)
    {
        ArgumentNullException.ThrowIfNull(tags);
        foreach (var tag in tags)
        {
            DataFormat? format = tag.Trim().ToLowerInvariant() switch
            {
                "netcdf" or "netcdf4" or "netcdf-4" => DataFormat.NetCdf,
                "zarr" => DataFormat.Zarr,
                "cog" or "cogs" or "cloud optimized geotiff" or "cloud-optimized geotiff" => DataFormat.Cog,
                "parquet" or "geoparquet" => DataFormat.Parquet,
                "grib" or "grib2" => DataFormat.Grib,
                "csv" => DataFormat.Csv,
                "geotiff" => DataFormat.GeoTiff,
                "hdf5" or "hdf" => DataFormat.Hdf5,
                _ => null,
            };
            if (format is { } found)
            {
                return found;
            }
        }

        return DataFormat.Unknown;
    }

    /// <summary>Lower case, trimmed, each once, in the registry's order.</summary>
    public static IReadOnlyList<string> Tags(IEnumerable<string> tags) =>
        [.. tags.Select(t => t.Trim().ToLowerInvariant()).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal)];

    /// <summary>
    /// The curated dataset with the registry's facts: curated id, name, kind, location, format, coverage, description and
    /// layout; the registry's tags, licence, publisher, update frequency, requester pays, deprecation and other locations
    /// in the region. A registry location that is the curated one, or holds it (its whole bucket, for a curated prefix),
    /// is not another location.
    /// </summary>
    public static Dataset Overlay(Dataset curated, Dataset registry)
    {
        ArgumentNullException.ThrowIfNull(curated);
        ArgumentNullException.ThrowIfNull(registry);
        var more = new[] { registry.Location }
            .Concat(registry.MoreLocations)
            .Where(l => !Holds(l, curated.Location))
            .DistinctBy(l => l.S3Uri, StringComparer.Ordinal)
            .ToList();
        return curated with
        {
            Tags = registry.Tags.Count > 0 ? registry.Tags : curated.Tags,
            Licence = OrElse(registry.Licence, curated.Licence),
            ManagedBy = OrElse(registry.ManagedBy, curated.ManagedBy),
            UpdateFrequency = OrElse(registry.UpdateFrequency, curated.UpdateFrequency),
            RequesterPays = registry.RequesterPays,
            Deprecated = registry.Deprecated,
            Successor = curated.Successor ?? registry.Successor,
            MoreLocations = more,
            SizeBytes = curated.SizeBytes ?? registry.SizeBytes,
        };
    }

    /// <summary>Whether <paramref name="outer"/> is <paramref name="inner"/> or a bucket or prefix that holds it.</summary>
    private static bool Holds(DataLocation outer, DataLocation inner) =>
        outer.Region == inner.Region
        && outer.Bucket == inner.Bucket
        && (outer.Prefix.Length == 0 || outer.Prefix == inner.Prefix || inner.Prefix.StartsWith(outer.Prefix + "/", StringComparison.Ordinal));

    private static bool IsSameData(Dataset registry, Dataset curated) =>
        registry.Slug == curated.Slug && registry.Location.Region == curated.Location.Region;

    private static string OrElse(string value, string fallback) => string.IsNullOrWhiteSpace(value) ? fallback : value;

    /// <summary>
    /// A successor read as a registry slug becomes the id of that slug's dataset (its home region's, or a curated id:
    /// <c>ecmwf-era5</c> is <c>era5</c>); one that names nothing in the catalogue, or the dataset itself, is dropped.
    /// </summary>
    private static List<Dataset> ResolveSuccessors(List<Dataset> datasets)
    {
        var bySlug = new Dictionary<string, DatasetId>(StringComparer.Ordinal);
        foreach (var dataset in datasets.Where(d => d.Id.Value == d.Slug))
        {
            bySlug.TryAdd(dataset.Slug, dataset.Id);
        }

        foreach (var dataset in datasets)
        {
            bySlug.TryAdd(dataset.Slug, dataset.Id);
        }

        var ids = datasets.Select(d => d.Id).ToHashSet();
        DatasetId? Resolve(Dataset dataset)
        {
            if (dataset.Successor is not { } named)
            {
                return null;
            }

            DatasetId? found = bySlug.TryGetValue(named.Value, out var id) ? id : ids.Contains(named) ? named : null;
            return found == dataset.Id ? null : found;
        }

        return [.. datasets.Select(d => Resolve(d) is var successor && successor == d.Successor ? d : d with { Successor = successor })];
    }
}

/// <summary>A portal dataset on its way into the catalogue, with where it was read (for problems).</summary>
internal sealed record Candidate(Dataset Dataset, string File, int Line);

/// <summary>A built catalogue, what was skipped, and how many of its datasets came from the import.</summary>
internal sealed record CatalogueBuild(IReadOnlyList<Dataset> Datasets, IReadOnlyList<CatalogueProblem> Problems, int Imported);
