using System.Buffers;
using System.Numerics;

namespace Portal.Domain.Datasets.Stores;

/// <summary>Planning and counting: the hot paths of <see cref="Query"/>.</summary>
public sealed partial class StoreIndex
{
    private QueryPlan Plan(StoreQuery query)
    {
        var selected = new bool[_frequencies.Length];
        var filters = new List<FacetFilter>();
        foreach (var facet in query.FilteredFacets)
        {
            var f = (int)facet;
            var column = _facets[f];
            var codes = new List<int>();
            var rows = 0;
            foreach (var value in query.Selected(facet))
            {
                var code = column.CodeOf(value);
                if (code >= 0)
                {
                    selected[_offsets[f] + code] = true;
                    codes.Add(code);
                    rows += column.Frequency(code);
                }
            }

            codes.Sort();
            filters.Add(new FacetFilter(f, [.. codes], rows));
        }

        filters.Sort((x, y) => x.Rows.CompareTo(y.Rows));
        return new QueryPlan(filters, selected, query.HasText ? TextRowsOf(query.Text) : null);
    }

    /// <summary>
    /// Per global code, how many rows pass every filter except that code's facet's own, and the text: disjunctive
    /// counts. The text alone: its rows (or, when it has more than half, the others, subtracted from the frequencies).
    /// One filter: its pair tables, no row at all. Otherwise bitsets (<see cref="CountWithBitsets"/>).
    /// </summary>
    private int[] Tally(QueryPlan plan, out int matches)
    {
        var filters = plan.Filters;
        var text = plan.Text;
        if (filters.Count == 0)
        {
            matches = text!.Count;
            return text.Count * 2 <= Count ? CountRows(text.Rows, inverted: false) : Subtract(CountRows(text.Rows, inverted: true));
        }

        if (filters.Count == 1 && text is null)
        {
            matches = filters[0].Rows;
            return HasPairs(filters[0].Facet) ? CountOneFilterFromPairs(filters[0]) : CountOneFilter(filters[0]);
        }

        return CountWithBitsets(plan, out matches);
    }

    /// <summary>
    /// The general case, with one bitset per filter (the rows it selects) and the text's: per 64 rows, the rows
    /// passing every filter (they count for every facet not filtered) and, per filtered facet, the rows passing every
    /// other filter (they count for that facet). Word operations do the sorting out; rows are visited only to count.
    /// With two filters and no text, each filtered facet's counts come from its pair table with the other instead.
    /// </summary>
    private int[] CountWithBitsets(QueryPlan plan, out int matches)
    {
        var filters = plan.Filters;
        var k = filters.Count;
        var words = (Count + 63) >> 6;
        var sets = new ulong[k][];
        for (var i = 0; i < k; i++)
        {
            sets[i] = ArrayPool<ulong>.Shared.Rent(words);
            Array.Clear(sets[i], 0, words);
            foreach (var code in filters[i].Codes)
            {
                _facets[filters[i].Facet].AddRows(code, sets[i]);
            }
        }

        var text = plan.Text?.Rows.Words;
        var fromPairs = k == 2 && text is null && Pair(filters[0].Facet, filters[1].Facet) is not null;
        var filtered = fromPairs ? 0 : k;
        var unfiltered = Enumerable.Range(0, Width).Where(f => !plan.Facets.Contains(f)).ToArray();
        var counts = new int[_frequencies.Length];
        var found = 0;
        Span<ulong> word = stackalloc ulong[Width];
        for (var w = 0; w < words; w++)
        {
            var all = text?[w] ?? (w < words - 1 || (Count & 63) == 0 ? ulong.MaxValue : (1UL << (Count & 63)) - 1);
            var start = all;
            for (var i = 0; i < k; i++)
            {
                word[i] = sets[i][w];
                all &= word[i];
            }

            found += BitOperations.PopCount(all);
            for (var bits = all; bits != 0; bits &= bits - 1)
            {
                var row = (w << 6) + BitOperations.TrailingZeroCount(bits);
                foreach (var facet in unfiltered)
                {
                    counts[_offsets[facet] + _codes[facet][row]]++;
                }
            }

            for (var j = 0; j < filtered; j++)
            {
                var others = start;
                for (var i = 0; i < k; i++)
                {
                    others &= i == j ? ulong.MaxValue : word[i];
                }

                var (codes, offset) = (_codes[filters[j].Facet], _offsets[filters[j].Facet]);
                for (var bits = others; bits != 0; bits &= bits - 1)
                {
                    counts[offset + codes[(w << 6) + BitOperations.TrailingZeroCount(bits)]]++;
                }
            }
        }

        foreach (var set in sets)
        {
            ArrayPool<ulong>.Shared.Return(set);
        }

        if (fromPairs)
        {
            AddFromPair(counts, filters[1].Facet, filters[1].Codes, filters[0].Facet);
            AddFromPair(counts, filters[0].Facet, filters[0].Codes, filters[1].Facet);
        }

        matches = found;
        return counts;
    }

    /// <summary>
    /// One filter, no text: its own facet counts every row (its frequencies); the others count the rows it selects,
    /// or, when it selects more than half, the frequencies less the rows it does not select.
    /// </summary>
    private int[] CountOneFilter(FacetFilter filter)
    {
        var column = _facets[filter.Facet];
        var inverted = filter.Rows * 2 > Count;
        var counts = new int[_frequencies.Length];
        for (var code = 0; code < column.Values.Length; code++)
        {
            if (filter.Codes.Contains(code) != inverted)
            {
                foreach (var row in column.RowsOf(code))
                {
                    CountRow(counts, row);
                }
            }
        }

        if (inverted)
        {
            Subtract(counts);
        }

        var own = _offsets[filter.Facet];
        Array.Copy(_frequencies, own, counts, own, column.Values.Length);
        return counts;
    }

    /// <summary>Counts every facet of the rows in <paramref name="rows"/>, or of those not in it.</summary>
    private int[] CountRows(RowSet rows, bool inverted)
    {
        var counts = new int[_frequencies.Length];
        var words = rows.Words;
        for (var w = 0; w < words.Length; w++)
        {
            var word = inverted ? ~words[w] : words[w];
            if (inverted && w == words.Length - 1 && (Count & 63) != 0)
            {
                word &= (1UL << (Count & 63)) - 1;
            }

            for (; word != 0; word &= word - 1)
            {
                CountRow(counts, (w << 6) + BitOperations.TrailingZeroCount(word));
            }
        }

        return counts;
    }

    /// <summary>Counts each of the row's values once.</summary>
    private void CountRow(int[] counts, int row)
    {
        var (codes, offsets) = (_codes, _offsets);
        counts[offsets[0] + codes[0][row]]++;
        counts[offsets[1] + codes[1][row]]++;
        counts[offsets[2] + codes[2][row]]++;
        counts[offsets[3] + codes[3][row]]++;
        counts[offsets[4] + codes[4][row]]++;
        counts[offsets[5] + codes[5][row]]++;
        counts[offsets[6] + codes[6][row]]++;
        counts[offsets[7] + codes[7][row]]++;
    }

    /// <summary>Turns the counts of some rows into those of all the other rows.</summary>
    private int[] Subtract(int[] counts)
    {
        for (var code = 0; code < counts.Length; code++)
        {
            counts[code] = _frequencies[code] - counts[code];
        }

        return counts;
    }

    /// <summary>The rows that pass every filter and the text, ascending.</summary>
    private IEnumerable<int> MatchingRows(QueryPlan plan)
    {
        var filters = plan.Filters;
        var text = plan.Text;
        if (filters.Count == 0)
        {
            return text is null ? Enumerable.Range(0, Count) : text.Rows.Ascending();
        }

        var first = filters[0];
        var candidates = text is not null && text.Count < first.Rows
            ? text.Rows.Ascending()
            : Merged(_facets[first.Facet], first.Codes);
        var facets = plan.Facets;
        var selected = plan.Selected;
        return candidates.Where(row =>
        {
            foreach (var facet in facets)
            {
                if (!selected[_offsets[facet] + _codes[facet][row]])
                {
                    return false;
                }
            }

            return text is null || text.Rows.Contains(row);
        });
    }

    /// <summary>The rows of several codes in ascending order, merging their (ascending) row lists.</summary>
    private static IEnumerable<int> Merged(StoreColumn column, int[] codes)
    {
        var next = codes.Select(c => column.Starts[c]).ToArray();
        var ends = codes.Select(c => column.Starts[c + 1]).ToArray();
        while (true)
        {
            var lowest = -1;
            for (var i = 0; i < next.Length; i++)
            {
                if (next[i] < ends[i] && (lowest < 0 || column.Rows[next[i]] < column.Rows[next[lowest]]))
                {
                    lowest = i;
                }
            }

            if (lowest < 0)
            {
                yield break;
            }

            yield return column.Rows[next[lowest]++];
        }
    }
}
