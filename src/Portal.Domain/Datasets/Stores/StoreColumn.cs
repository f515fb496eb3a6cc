namespace Portal.Domain.Datasets.Stores;

/// <summary>
/// One dictionary-encoded column of a <see cref="StoreIndex"/>: its distinct values in ordinal order (a value's code
/// is its position), optionally the code of every row, and optionally an inverted index (the rows of each code,
/// ascending) stored as one array cut by <see cref="Starts"/>.
/// </summary>
internal sealed class StoreColumn
{
    /// <summary>Below this many rows, bitsets are not worth their memory.</summary>
    private const int BitsetMinimumRows = 4096;

    private readonly Dictionary<string, int> _codeOf;
    private readonly ulong[]?[] _bitsets;

    /// <param name="keepCodes">Whether to keep <paramref name="codes"/> (facets keep theirs row-major in the index instead).</param>
    /// <param name="invert">Whether to build the inverted index.</param>
    public StoreColumn(string[] values, int[] codes, bool keepCodes, bool invert)
    {
        Values = values;
        Codes = keepCodes ? codes : [];
        _codeOf = new Dictionary<string, int>(values.Length, StringComparer.Ordinal);
        for (var code = 0; code < values.Length; code++)
        {
            _codeOf.Add(values[code], code);
        }

        Starts = new int[values.Length + 1];
        foreach (var code in codes)
        {
            Starts[code + 1]++;
        }

        for (var code = 0; code < values.Length; code++)
        {
            Starts[code + 1] += Starts[code];
        }

        Rows = invert ? new int[codes.Length] : [];
        _bitsets = new ulong[]?[invert ? values.Length : 0];
        if (invert)
        {
            // Counting sort of the rows by code: filling in row order keeps each code's rows ascending.
            var next = Starts[..^1];
            for (var row = 0; row < codes.Length; row++)
            {
                Rows[next[codes[row]]++] = row;
            }

            // A value in at least one row in 16 also gets a bitset: OR-ing its words beats setting its bits one by one.
            for (var code = 0; code < values.Length; code++)
            {
                if (codes.Length >= BitsetMinimumRows && Frequency(code) * 16L >= codes.Length)
                {
                    var bits = new RowSet(codes.Length);
                    foreach (var row in RowsOf(code))
                    {
                        bits.Add(row);
                    }

                    _bitsets[code] = bits.Words;
                }
            }
        }
    }

    /// <summary>The distinct values, ordinal order.</summary>
    public string[] Values { get; }

    /// <summary>Per row, the code of its value; empty when the column was built without keeping them.</summary>
    public int[] Codes { get; }

    /// <summary>Where each code's rows start in <see cref="Rows"/>; one more entry than <see cref="Values"/>.</summary>
    public int[] Starts { get; }

    /// <summary>Every row, grouped by code, ascending within a code; empty without an inverted index.</summary>
    public int[] Rows { get; }

    /// <summary>The code of <paramref name="value"/>, or -1 when no row has it.</summary>
    public int CodeOf(string value) => _codeOf.TryGetValue(value, out var code) ? code : -1;

    /// <summary>How many rows have the value of <paramref name="code"/>.</summary>
    public int Frequency(int code) => Starts[code + 1] - Starts[code];

    /// <summary>Sets the bits of the rows with the value of <paramref name="code"/> in <paramref name="words"/> (one bit per row).</summary>
    public void AddRows(int code, ulong[] words)
    {
        if (_bitsets[code] is { } bits)
        {
            for (var w = 0; w < bits.Length; w++)
            {
                words[w] |= bits[w];
            }

            return;
        }

        foreach (var row in RowsOf(code))
        {
            words[row >> 6] |= 1UL << row;
        }
    }

    /// <summary>The rows with the value of <paramref name="code"/>, ascending.</summary>
    public ReadOnlySpan<int> RowsOf(int code) => Rows.AsSpan(Starts[code], Starts[code + 1] - Starts[code]);
}
