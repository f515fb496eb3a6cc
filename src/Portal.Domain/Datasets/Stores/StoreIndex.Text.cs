namespace Portal.Domain.Datasets.Stores;

/// <summary>Free text: matched against each distinct value once, then turned into rows through the inverted index.</summary>
public sealed partial class StoreIndex
{
    private TextRows? _lastText;

    /// <summary>
    /// The rows whose facet values or path contain <paramref name="text"/>, ignoring case. A usual path is its root,
    /// the facet values and its tail joined by '/', so a text without '/' is in the path exactly when it is in the
    /// root, in a facet value or in the tail: distinct values all. Only a text with '/' (and paths of another layout)
    /// is matched row by row. The last text's rows are kept, since the user changes facets more often than text.
    /// </summary>
    private TextRows TextRowsOf(string text)
    {
        var cached = Volatile.Read(ref _lastText);
        if (cached is not null && string.Equals(cached.Text, text, StringComparison.Ordinal))
        {
            return cached;
        }

        var rows = new RowSet(Count);
        foreach (var column in _facets.Append(_roots).Append(_tails))
        {
            for (var code = 0; code < column.Values.Length; code++)
            {
                if (column.Values[code].Contains(text, StringComparison.OrdinalIgnoreCase))
                {
                    column.AddRows(code, rows.Words);
                }
            }
        }

        if (text.Contains('/', StringComparison.Ordinal))
        {
            for (var row = 0; row < Count; row++)
            {
                if (!rows.Contains(row) && !_otherPaths.ContainsKey(row) && UsualPathContains(row, text))
                {
                    rows.Add(row);
                }
            }
        }

        foreach (var (row, path) in _otherPaths)
        {
            if (path.Contains(text, StringComparison.OrdinalIgnoreCase))
            {
                rows.Add(row);
            }
        }

        var result = new TextRows(text, rows, rows.Count());
        Volatile.Write(ref _lastText, result);
        return result;
    }

    private bool UsualPathContains(int row, string text)
    {
        Span<char> path = stackalloc char[1024];
        var at = Append(path, 0, _roots.Values[_roots.Codes[row]]);
        for (var f = 0; f < Width; f++)
        {
            at = Append(path, at, Value(f, row));
            at = Append(path, at, "/");
        }

        at = Append(path, at, _tails.Values[_tails.Codes[row]]);
        return at < 0
            ? Record(row).Path.Contains(text, StringComparison.OrdinalIgnoreCase)
            : path[..at].Contains(text, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Appends <paramref name="value"/> at <paramref name="at"/>; -1 once the buffer is too small.</summary>
    private static int Append(Span<char> buffer, int at, string value)
    {
        if (at < 0 || at + value.Length > buffer.Length)
        {
            return -1;
        }

        value.CopyTo(buffer[at..]);
        return at + value.Length;
    }
}
