namespace Portal.Domain.Cloud;

/// <summary>The kinds of cell nbformat 4 knows.</summary>
public enum NotebookCellType
{
    Markdown,
    Code,
    Raw,
}

/// <summary>One notebook cell: its nbformat id, kind, whole source text and metadata tags.</summary>
public sealed record NotebookCell(string Id, NotebookCellType Type, string Source, IReadOnlyList<string> Tags)
{
    public static NotebookCell Markdown(string id, string source) => new(id, NotebookCellType.Markdown, source, []);

    public static NotebookCell Code(string id, string source, params string[] tags) => new(id, NotebookCellType.Code, source, tags);
}
