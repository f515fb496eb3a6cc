using System.Globalization;
using Portal.Domain.Regions;

namespace Portal.Domain.Datasets;

/// <summary>
/// Filters one catalogue snapshot for the explore page: the datasets a <see cref="DatasetFilter"/> keeps, how many each
/// region holds under it, and the tags and formats to offer. Built once per catalogue version (a few milliseconds for
/// the whole registry); each query then scans precomputed lower-case text.
/// </summary>
public sealed class DatasetSearch
{
    private readonly (Dataset Dataset, string Text)[] _rows;

    // What an unfiltered page shows, computed once and shared: every explore page opens unfiltered, and a list of the
    // whole registry per page would be kept in every circuit's memory (issue 16).
    private readonly IReadOnlyList<Dataset> _all;
    private readonly IReadOnlyDictionary<RegionCode, int> _allByRegion;

    public DatasetSearch(IReadOnlyList<Dataset> datasets)
    {
        ArgumentNullException.ThrowIfNull(datasets);
        _rows = [.. datasets.Select(d => (d, SearchText(d)))];
        _all = Sorted(_rows.Select(r => r.Dataset));
        _allByRegion = CountRegions(_rows);
        Tags = [.. datasets.SelectMany(d => d.Tags)
            .GroupBy(t => t, StringComparer.Ordinal)
            .Select(g => new TagCount(g.Key, g.Count()))
            .OrderByDescending(t => t.Count)
            .ThenBy(t => t.Tag, StringComparer.Ordinal)];
        Formats = [.. datasets.Select(d => d.Format).Distinct().Order()];
    }

    /// <summary>Every tag with how many datasets carry it, the most used first.</summary>
    public IReadOnlyList<TagCount> Tags { get; }

    /// <summary>The formats the catalogue holds.</summary>
    public IReadOnlyList<DataFormat> Formats { get; }

    public int Count => _rows.Length;

    /// <summary>The datasets the filter keeps, analysable ones first, then by name.</summary>
    /// <summary>The datasets the filter keeps, analysable ones first, then by name (one shared list when nothing is filtered).</summary>
    public IReadOnlyList<Dataset> Find(DatasetFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        if (filter.IsEmpty)
        {
            return _all;
        }

        var words = Words(filter.Text);
        return Sorted(_rows.Where(r => Matches(r, filter, words)).Select(r => r.Dataset));
    }

    /// <summary>How many datasets each region holds under the filter, its own region ignored (the map shows every region).</summary>
    public IReadOnlyDictionary<RegionCode, int> CountByRegion(DatasetFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var withoutRegion = filter.WithoutRegion();
        if (withoutRegion.IsEmpty)
        {
            return _allByRegion;
        }

        var words = Words(filter.Text);
        return CountRegions(_rows.Where(r => Matches(r, withoutRegion, words)));
    }

    private static IReadOnlyList<Dataset> Sorted(IEnumerable<Dataset> datasets) =>
        [.. datasets.OrderBy(d => d.IsAnalysable ? 0 : 1)
            .ThenBy(d => d.Name, StringComparer.OrdinalIgnoreCase)
            .ThenBy(d => d.Id.Value, StringComparer.Ordinal)];

    private static System.Collections.ObjectModel.ReadOnlyDictionary<RegionCode, int> CountRegions(IEnumerable<(Dataset Dataset, string Text)> rows)
    {
        var counts = new Dictionary<RegionCode, int>();
        foreach (var row in rows)
        {
            var region = row.Dataset.Location.Region;
            counts[region] = counts.GetValueOrDefault(region) + 1;
        }

        return counts.AsReadOnly();
    }

    private static bool Matches((Dataset Dataset, string Text) row, DatasetFilter filter, string[] words)
    {
        var dataset = row.Dataset;
        return (filter.Region is not { } region || dataset.Location.Region == region)
               && (filter.Format is not { } format || dataset.Format == format)
               && (filter.Tag is not { } tag || dataset.Tags.Contains(tag, StringComparer.Ordinal))
               && (!filter.AnalysableOnly || dataset.IsAnalysable)
               && words.All(w => row.Text.Contains(w, StringComparison.Ordinal));
    }

    private static string[] Words(string? text) =>
        string.IsNullOrWhiteSpace(text)
            ? []
            : text.ToLower(CultureInfo.InvariantCulture).Split((char[])[' ', '\t', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string SearchText(Dataset d) =>
        string.Join('\n', [d.Name, d.Id.Value, d.Slug, d.ManagedBy, d.Location.S3Uri, d.Location.Region.Value, d.Description, .. d.Tags])
            .ToLower(CultureInfo.InvariantCulture);
}

/// <summary>A registry tag and how many datasets carry it.</summary>
public sealed record TagCount(string Tag, int Count);
