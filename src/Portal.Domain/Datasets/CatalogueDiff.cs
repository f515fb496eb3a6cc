using System.Globalization;

namespace Portal.Domain.Datasets;

/// <summary>What changes between two catalogues: the datasets added, changed (field by field), removed and left alone.</summary>
public sealed record CatalogueDiff(
    IReadOnlyList<Dataset> Added,
    IReadOnlyList<DatasetChange> Changed,
    IReadOnlyList<Dataset> Removed,
    int Unchanged)
{
    public static CatalogueDiff Between(IReadOnlyList<Dataset> before, IReadOnlyList<Dataset> after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var old = before.ToDictionary(d => d.Id);
        var added = new List<Dataset>();
        var changed = new List<DatasetChange>();
        var unchanged = 0;
        foreach (var dataset in after)
        {
            if (!old.Remove(dataset.Id, out var was))
            {
                added.Add(dataset);
                continue;
            }

            var fields = Fields(was, dataset);
            if (fields.Count == 0)
            {
                unchanged++;
            }
            else
            {
                changed.Add(new DatasetChange(dataset.Id, dataset.Name, fields));
            }
        }

        return new CatalogueDiff(added, changed, [.. before.Where(d => old.ContainsKey(d.Id))], unchanged);
    }

    /// <summary>The fields that differ, each with its value before and after.</summary>
    public static IReadOnlyList<FieldChange> Fields(Dataset before, Dataset after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var changes = new List<FieldChange>();
        void Compare(string field, string was, string now)
        {
            if (!string.Equals(was, now, StringComparison.Ordinal))
            {
                changes.Add(new FieldChange(field, was, now));
            }
        }

        Compare("Name", before.Name, after.Name);
        Compare("Kind", before.Kind.ToString(), after.Kind.ToString());
        Compare("Region", before.Location.Region.Value, after.Location.Region.Value);
        Compare("Location", before.Location.S3Uri, after.Location.S3Uri);
        Compare("Format", before.Format.ToString(), after.Format.ToString());
        Compare("Coverage", before.Coverage?.ToString() ?? string.Empty, after.Coverage?.ToString() ?? string.Empty);
        Compare("Licence", before.Licence, after.Licence);
        Compare("Description", before.Description, after.Description);
        Compare("Tags", string.Join(", ", before.Tags), string.Join(", ", after.Tags));
        Compare("Managed by", before.ManagedBy, after.ManagedBy);
        Compare("Update frequency", before.UpdateFrequency, after.UpdateFrequency);
        Compare("Requester pays", Yes(before.RequesterPays), Yes(after.RequesterPays));
        Compare("Deprecated", Yes(before.Deprecated), Yes(after.Deprecated));
        Compare("Successor", before.Successor?.Value ?? string.Empty, after.Successor?.Value ?? string.Empty);
        Compare("More locations", string.Join(", ", before.MoreLocations.Select(l => l.S3Uri)), string.Join(", ", after.MoreLocations.Select(l => l.S3Uri)));
        Compare("Size", Size(before.SizeBytes), Size(after.SizeBytes));
        Compare("Layout", before.Layout.ToString(), after.Layout.ToString());
        return changes;
    }

    private static string Yes(bool value) => value ? "yes" : "no";

    private static string Size(long? bytes) => bytes?.ToString("N0", CultureInfo.InvariantCulture) + (bytes is null ? string.Empty : " bytes");
}
