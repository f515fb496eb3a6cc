using System.Numerics;

namespace Portal.Domain.Datasets.Stores;

/// <summary>A set of row numbers as a bitset: one bit per row of the index.</summary>
internal sealed class RowSet
{
    private readonly ulong[] _words;

    public RowSet(int rows) => _words = new ulong[(rows + 63) >> 6];

    /// <summary>The bits, 64 rows a word, for loops that walk them inline.</summary>
    public ulong[] Words => _words;

    public void Add(int row) => _words[row >> 6] |= 1UL << row;

    public bool Contains(int row) => (_words[row >> 6] & (1UL << row)) != 0;

    public int Count()
    {
        var count = 0;
        foreach (var word in _words)
        {
            count += BitOperations.PopCount(word);
        }

        return count;
    }

    /// <summary>The rows in ascending order.</summary>
    public IEnumerable<int> Ascending()
    {
        for (var w = 0; w < _words.Length; w++)
        {
            var word = _words[w];
            while (word != 0)
            {
                yield return (w << 6) + BitOperations.TrailingZeroCount(word);
                word &= word - 1;
            }
        }
    }
}
