namespace Portal.Domain.Datasets.Stores;

/// <summary>
/// Pair tables: for two facets, how many rows have each combination of their values. With them a query with one
/// filter needs no row at all, and one with two filters visits only the rows both select.
/// </summary>
public sealed partial class StoreIndex
{
    /// <summary>A pair of facets whose table would have more cells than this has none (a high-cardinality pair).</summary>
    internal const int DefaultMaximumPairCells = 1 << 21;

    /// <summary>
    /// For facets <c>i &lt; j</c>, at <c>i * 8 + j</c>: the rows of each combination, code of <c>i</c> major
    /// (<c>[a * values(j) + b]</c>); null when the pair has too many combinations to keep.
    /// </summary>
    private int[]?[] BuildPairs(int maximumPairCells)
    {
        var pairs = new int[]?[Width * Width];
        for (var i = 0; i < Width; i++)
        {
            for (var j = i + 1; j < Width; j++)
            {
                var (ci, cj) = (_facets[i].Values.Length, _facets[j].Values.Length);
                if ((long)ci * cj > maximumPairCells)
                {
                    continue;
                }

                var table = new int[ci * cj];
                var (codesI, codesJ) = (_codes[i], _codes[j]);
                for (var row = 0; row < Count; row++)
                {
                    table[(codesI[row] * cj) + codesJ[row]]++;
                }

                pairs[(i * Width) + j] = table;
            }
        }

        return pairs;
    }

    private bool HasPairs(int facet) =>
        Enumerable.Range(0, Width).All(other => other == facet || Pair(facet, other) is not null);

    private int[]? Pair(int a, int b) => a < b ? _pairs[(a * Width) + b] : _pairs[(b * Width) + a];

    /// <summary>Adds to <paramref name="counts"/>, for every value of <paramref name="target"/>, the rows that also have one of <paramref name="codes"/> in <paramref name="facet"/>.</summary>
    private void AddFromPair(int[] counts, int facet, int[] codes, int target)
    {
        var table = Pair(facet, target)!;
        var (values, offset) = (_facets[target].Values.Length, _offsets[target]);
        var width = _facets[facet].Values.Length;
        foreach (var code in codes)
        {
            if (facet < target)
            {
                var row = table.AsSpan(code * values, values);
                for (var b = 0; b < values; b++)
                {
                    counts[offset + b] += row[b];
                }
            }
            else
            {
                for (var b = 0; b < values; b++)
                {
                    counts[offset + b] += table[(b * width) + code];
                }
            }
        }
    }

    /// <summary>One filter, no text: its facet counts every row; every other facet comes from its pair table.</summary>
    private int[] CountOneFilterFromPairs(FacetFilter filter)
    {
        var counts = new int[_frequencies.Length];
        for (var target = 0; target < Width; target++)
        {
            if (target != filter.Facet)
            {
                AddFromPair(counts, filter.Facet, filter.Codes, target);
            }
        }

        var own = _offsets[filter.Facet];
        Array.Copy(_frequencies, own, counts, own, _facets[filter.Facet].Values.Length);
        return counts;
    }
}
