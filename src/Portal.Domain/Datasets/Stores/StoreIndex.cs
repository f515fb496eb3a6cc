using System.Collections.ObjectModel;

namespace Portal.Domain.Datasets.Stores;

/// <summary>
/// An immutable, in-memory facet index over the Zarr stores of an intake-esm CMIP6 catalogue, for the Explore page:
/// which stores match the user's picks, and how many stores each alternative would give
/// (<see cref="Query"/>). Thread-safe; build it once and share it.
/// </summary>
/// <remarks>
/// Columnar and dictionary-encoded: each facet value has a 16-bit code, each facet a column of codes, each value the
/// list of its rows (an inverted index), and each pair of facets the count of every combination of their values
/// (when there are not too many). A query with one filter reads no row; with two, it visits the rows both select;
/// otherwise it sorts rows out 64 at a time in bitsets and visits only those that count, never comparing a string. Paths are not kept
/// as strings: a path of the usual layout (<c>root/activity/institution/source/experiment/member/table/variable/grid/tail</c>)
/// is kept as the codes of its root and tail and rebuilt on demand; any other path is kept as it is.
/// </remarks>
public sealed partial class StoreIndex
{
    /// <summary>How many facets there are.</summary>
    private const int Width = 8;

    /// <summary>The most distinct values a facet may have: its codes are 16-bit.</summary>
    private const int MaximumValues = ushort.MaxValue + 1;

    private const int NoYear = int.MinValue;

    private readonly StoreColumn[] _facets;

    /// <summary>Where each facet's codes start in the global code space: facet f's code c is <c>_offsets[f] + c</c>.</summary>
    private readonly int[] _offsets;

    /// <summary>Per facet, the code of each row: 2 bytes a row, so the columns a query reads stay in the processor's caches.</summary>
    private readonly ushort[][] _codes;

    /// <summary>Per global code, how many rows have it: the counts of the query without filters.</summary>
    private readonly int[] _frequencies;

    /// <summary>Pair tables (see <see cref="BuildPairs"/>).</summary>
    private readonly int[]?[] _pairs;

    private readonly StoreColumn _roots;
    private readonly StoreColumn _tails;
    private readonly StoreColumn _versions;
    private readonly int[] _dcppInitYears;
    private readonly Dictionary<int, string> _otherPaths;
    private readonly ReadOnlyCollection<string>[] _values;
    private readonly IReadOnlyDictionary<StoreFacet, IReadOnlyList<FacetCount>> _allCounts;

    /// <summary>Indexes <paramref name="records"/>, in their order (which <see cref="StoreQueryResult.Take"/> keeps).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="records"/> is null.</exception>
    /// <exception cref="ArgumentException">A record is null, or has a null facet value, path or version.</exception>
    public StoreIndex(IEnumerable<StoreRecord> records)
        : this(records, DefaultMaximumPairCells)
    {
    }

    /// <param name="maximumPairCells">The largest pair table kept (tests set 0 to exercise the row-by-row counting).</param>
    internal StoreIndex(IEnumerable<StoreRecord> records, int maximumPairCells)
    {
        ArgumentNullException.ThrowIfNull(records);
        var facets = new StoreColumnBuilder[Width];
        for (var f = 0; f < Width; f++)
        {
            facets[f] = new StoreColumnBuilder();
        }

        var roots = new StoreColumnBuilder();
        var tails = new StoreColumnBuilder();
        var versions = new StoreColumnBuilder();
        var years = new List<int>();
        _otherPaths = [];
        var middle = new char[256];
        var row = 0;
        foreach (var record in records)
        {
            if (Problem(record, row) is { } problem)
            {
                throw new ArgumentException(problem, nameof(records));
            }

            AddPath(record, row, roots, tails, ref middle);
            facets[0].Add(record.ActivityId);
            facets[1].Add(record.InstitutionId);
            facets[2].Add(record.SourceId);
            facets[3].Add(record.ExperimentId);
            facets[4].Add(record.MemberId);
            facets[5].Add(record.TableId);
            facets[6].Add(record.VariableId);
            facets[7].Add(record.GridLabel);
            versions.Add(record.Version);
            years.Add(record.DcppInitYear ?? NoYear);
            row++;
        }

        Count = row;
        _facets = new StoreColumn[Width];
        _offsets = new int[Width + 1];
        _codes = new ushort[Width][];
        for (var f = 0; f < Width; f++)
        {
            _facets[f] = facets[f].Build(keepCodes: false, invert: true, out var codes);
            if (_facets[f].Values.Length > MaximumValues)
            {
                throw new ArgumentException(
                    $"{((StoreFacet)f).ColumnName()} has {_facets[f].Values.Length} distinct values; the index holds at most {MaximumValues} per facet.",
                    nameof(records));
            }

            _offsets[f + 1] = _offsets[f] + _facets[f].Values.Length;
            _codes[f] = [.. codes.Select(c => (ushort)c)];
        }

        _frequencies = new int[_offsets[Width]];
        for (var f = 0; f < Width; f++)
        {
            for (var code = 0; code < _facets[f].Values.Length; code++)
            {
                _frequencies[_offsets[f] + code] = _facets[f].Frequency(code);
            }
        }

        _pairs = BuildPairs(maximumPairCells);
        _roots = roots.Build(keepCodes: true, invert: true, out _);
        _tails = tails.Build(keepCodes: true, invert: true, out _);
        _versions = versions.Build(keepCodes: true, invert: false, out _);
        _dcppInitYears = [.. years];
        _values = [.. _facets.Select(c => Array.AsReadOnly(c.Values))];
        _allCounts = Listings(_frequencies, new bool[_frequencies.Length]);
    }

    /// <summary>An index without stores: every query matches nothing.</summary>
    public static StoreIndex Empty { get; } = new([]);

    /// <summary>How many stores the index holds.</summary>
    public int Count { get; }

    /// <summary>The distinct values of <paramref name="facet"/>, in ordinal order.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="facet"/> is not a defined facet.</exception>
    public IReadOnlyList<string> Values(StoreFacet facet) => _values[StoreFacets.Index(facet)];

    /// <summary>
    /// Runs <paramref name="query"/>: how many stores match, and per facet how many stores each of its values would
    /// match with every other pick kept (see <see cref="StoreQueryResult"/>).
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="query"/> is null.</exception>
    public StoreQueryResult Query(StoreQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var plan = Plan(query);
        if (query.IsEverything)
        {
            return new StoreQueryResult(this, plan, query, Count, _allCounts);
        }

        var counts = Tally(plan, out var matches);
        return new StoreQueryResult(this, plan, query, matches, Listings(counts, plan.Selected));
    }

    /// <summary>The stores that match <paramref name="query"/>, in index order, built as they are enumerated.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="query"/> is null.</exception>
    public IEnumerable<StoreRecord> Matching(StoreQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return MatchingPlan(Plan(query));
    }

    internal IEnumerable<StoreRecord> MatchingPlan(QueryPlan plan) => MatchingRows(plan).Select(Record);

    private StoreRecord Record(int row)
    {
        var path = _otherPaths.TryGetValue(row, out var other)
            ? other
            : string.Concat(
                _roots.Values[_roots.Codes[row]],
                string.Join('/', Enumerable.Range(0, Width).Select(f => Value(f, row))),
                "/",
                _tails.Values[_tails.Codes[row]]);
        var year = _dcppInitYears[row];
        return new StoreRecord(
            Value(0, row),
            Value(1, row),
            Value(2, row),
            Value(3, row),
            Value(4, row),
            Value(5, row),
            Value(6, row),
            Value(7, row),
            path,
            year == NoYear ? null : year,
            _versions.Values[_versions.Codes[row]]);
    }

    private static string? Problem(StoreRecord? record, int row) =>
        record is null ? $"Record {row} is null."
        : record.ActivityId is null || record.InstitutionId is null || record.SourceId is null || record.ExperimentId is null
            || record.MemberId is null || record.TableId is null || record.VariableId is null || record.GridLabel is null
            || record.Path is null || record.Version is null
            ? $"Record {row} has a null facet value, path or version."
            : null;

    /// <summary>
    /// Splits a usual path into its root and tail around <c>activity/institution/…/grid/</c>, the part the facets already
    /// hold; any other path is kept whole.
    /// </summary>
    private void AddPath(StoreRecord record, int row, StoreColumnBuilder roots, StoreColumnBuilder tails, ref char[] buffer)
    {
        var length = record.ActivityId.Length + record.InstitutionId.Length + record.SourceId.Length + record.ExperimentId.Length
            + record.MemberId.Length + record.TableId.Length + record.VariableId.Length + record.GridLabel.Length + Width;
        if (buffer.Length < length)
        {
            buffer = new char[length * 2];
        }

        var at = 0;
        foreach (var value in (ReadOnlySpan<string>)[record.ActivityId, record.InstitutionId, record.SourceId, record.ExperimentId,
                     record.MemberId, record.TableId, record.VariableId, record.GridLabel])
        {
            value.CopyTo(buffer.AsSpan(at));
            at += value.Length;
            buffer[at++] = '/';
        }

        var path = record.Path;
        var start = path.AsSpan().IndexOf(buffer.AsSpan(0, length), StringComparison.Ordinal);
        if (start >= 0 && (start == 0 || path[start - 1] == '/'))
        {
            roots.Add(path.AsSpan(0, start));
            tails.Add(path.AsSpan(start + length));
        }
        else
        {
            // Not the usual layout: kept whole, matched by text row by row.
            roots.Add(string.Empty);
            tails.Add(string.Empty);
            _otherPaths.Add(row, path);
        }
    }

    private string Value(int facet, int row) => _facets[facet].Values[_codes[facet][row]];

    /// <summary>Per facet, each value with a count above zero or selected, ordinal order (codes are ordinal).</summary>
    private Dictionary<StoreFacet, IReadOnlyList<FacetCount>> Listings(int[] counts, bool[] selected)
    {
        var listings = new Dictionary<StoreFacet, IReadOnlyList<FacetCount>>(Width);
        for (var f = 0; f < Width; f++)
        {
            var values = _facets[f].Values;
            var list = new List<FacetCount>();
            for (var code = 0; code < values.Length; code++)
            {
                var global = _offsets[f] + code;
                if (counts[global] > 0 || selected[global])
                {
                    list.Add(new FacetCount(values[code], counts[global]));
                }
            }

            listings.Add((StoreFacet)f, list);
        }

        return listings;
    }
}
