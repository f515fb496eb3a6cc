namespace Portal.Domain.Datasets;

/// <summary>
/// What an admin changed about one dataset, kept apart from the imported catalogue so that an import never undoes it:
/// whether users can pick it, and the display fields shown in its place (null keeps the catalogue's).
/// </summary>
public sealed record DatasetOverride(
    DatasetId Id,
    bool Enabled,
    string? Title,
    string? Description,
    IReadOnlyList<string>? Tags,
    string UpdatedBy,
    DateTimeOffset UpdatedAt)
{
    /// <summary>The dataset as users see it: its display fields replaced by the ones set here.</summary>
    public Dataset ApplyTo(Dataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        return dataset with
        {
            Name = Title ?? dataset.Name,
            Description = Description ?? dataset.Description,
            Tags = Tags ?? dataset.Tags,
        };
    }
}
