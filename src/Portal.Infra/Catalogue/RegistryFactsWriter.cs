using CsvHelper;

namespace Portal.Infra.Catalogue;

/// <summary>
/// Writes registry datasets as registry facts (<see cref="RegistryFactsFormat"/>), the way the portal ships its
/// catalogue: comment lines first, datasets in slug order, one row per S3 resource in the registry's order (the first is
/// the dataset's home), the dataset's own columns on its first row only. <see cref="RegistryFactsReader"/> reads it back.
/// </summary>
internal static class RegistryFactsWriter
{
    private static readonly string[] Header = [.. RegistryFactsFormat.Required, RegistryFactsFormat.DeprecatedNotice];

    /// <returns>The datasets written (those with at least one S3 resource) and their rows.</returns>
    public static (int Datasets, int Rows) Write(Stream stream, IEnumerable<RegistryDataset> datasets, IEnumerable<string> comments)
    {
        ArgumentNullException.ThrowIfNull(datasets);
        ArgumentNullException.ThrowIfNull(comments);
        var options = new CsvWriterOptions { CommentPrefix = RegistryFactsFormat.CommentPrefix, NewLine = "\n" };
        using var writer = CsvWriter.Create(stream, options, leaveOpen: true);
        foreach (var comment in comments)
        {
            writer.WriteComment(comment);
        }

        foreach (var column in Header)
        {
            writer.WriteField(column);
        }

        writer.EndRecord();
        var (written, rows) = (0, 0);
        foreach (var dataset in datasets.Where(d => d.Resources.Count > 0).OrderBy(d => d.Slug, StringComparer.Ordinal))
        {
            written++;
            for (var i = 0; i < dataset.Resources.Count; i++)
            {
                var resource = dataset.Resources[i];
                var first = i == 0;
                writer.WriteField(dataset.Slug);
                writer.WriteField(first ? dataset.Name : string.Empty);
                writer.WriteField(first ? Boolean(dataset.Deprecated) : string.Empty);
                writer.WriteField(resource.Region.Value);
                writer.WriteField(resource.Arn);
                writer.WriteField(Boolean(resource.RequesterPays));
                writer.WriteField(first ? string.Join(RegistryFactsFormat.TagSeparator, dataset.Tags) : string.Empty);
                writer.WriteField(first ? dataset.License : string.Empty);
                writer.WriteField(first ? dataset.ManagedBy : string.Empty);
                writer.WriteField(first ? dataset.UpdateFrequency : string.Empty);
                writer.WriteField(first ? dataset.DeprecatedNotice : string.Empty);
                writer.EndRecord();
                rows++;
            }
        }

        writer.Flush();
        return (written, rows);
    }

    private static string Boolean(bool value) => value ? "true" : "false";
}
