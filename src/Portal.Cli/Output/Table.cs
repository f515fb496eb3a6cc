namespace Portal.Cli.Output;

/// <summary>Rows in columns as wide as their widest cell, for lists in the terminal.</summary>
internal static class Table
{
    public static IEnumerable<string> Format(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        var all = new List<IReadOnlyList<string>> { header };
        all.AddRange(rows);
        var widths = Enumerable.Range(0, header.Count).Select(i => all.Max(r => r[i].Length)).ToArray();
        return all.Select(r => string.Join("  ", r.Select((cell, i) => i == r.Count - 1 ? cell : cell.PadRight(widths[i]))).TrimEnd());
    }
}
