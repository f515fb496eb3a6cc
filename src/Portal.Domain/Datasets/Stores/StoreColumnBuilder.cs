namespace Portal.Domain.Datasets.Stores;

/// <summary>Collects one column's values row by row, then sorts its dictionary so codes follow ordinal order.</summary>
internal sealed class StoreColumnBuilder
{
    private readonly Dictionary<string, int> _provisional = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _bySpan;
    private readonly List<string> _values = [];
    private int[] _codes = new int[256];
    private int _count;

    public StoreColumnBuilder() => _bySpan = _provisional.GetAlternateLookup<ReadOnlySpan<char>>();

    public void Add(string value)
    {
        if (!_provisional.TryGetValue(value, out var code))
        {
            code = _values.Count;
            _provisional.Add(value, code);
            _values.Add(value);
        }

        Append(code);
    }

    /// <summary>Adds a part of a longer string without allocating when the value has been seen before.</summary>
    public void Add(ReadOnlySpan<char> value)
    {
        if (!_bySpan.TryGetValue(value, out var code))
        {
            var text = value.ToString();
            code = _values.Count;
            _provisional.Add(text, code);
            _values.Add(text);
        }

        Append(code);
    }

    /// <summary>The column, and the code of every row (in <paramref name="codes"/>, whether the column keeps them or not).</summary>
    public StoreColumn Build(bool keepCodes, bool invert, out int[] codes)
    {
        var order = Enumerable.Range(0, _values.Count).ToArray();
        Array.Sort(order, (x, y) => string.CompareOrdinal(_values[x], _values[y]));
        var newCode = new int[order.Length];
        for (var i = 0; i < order.Length; i++)
        {
            newCode[order[i]] = i;
        }

        codes = new int[_count];
        for (var row = 0; row < _count; row++)
        {
            codes[row] = newCode[_codes[row]];
        }

        return new StoreColumn([.. order.Select(i => _values[i])], codes, keepCodes, invert);
    }

    private void Append(int code)
    {
        if (_count == _codes.Length)
        {
            Array.Resize(ref _codes, _codes.Length * 2);
        }

        _codes[_count++] = code;
    }
}
