namespace Portal.Domain.Datasets;

/// <summary>
/// The display fields an admin types for a dataset: a title, a description and tags (comma separated). <see cref="Check"/>
/// gives the cleaned values or the problem per field.
/// </summary>
public sealed record DatasetDisplayDraft(string? Title, string? Description, string? Tags)
{
    public const string TitleField = "title";
    public const string DescriptionField = "description";
    public const string TagsField = "tags";
    public const int MaxTitleLength = 120;
    public const int MaxDescriptionLength = 2000;
    public const int MaxTags = 20;
    public const int MaxTagLength = 40;

    public static DatasetDisplayDraft From(Dataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        return new(dataset.Name, dataset.Description, string.Join(", ", dataset.Tags));
    }

    /// <summary>The title, the description and the tags (trimmed, lower case, each once), or the problems by field.</summary>
    public (DatasetDisplay? Display, IReadOnlyDictionary<string, string> Errors) Check()
    {
        var errors = new Dictionary<string, string>();
        var title = Title?.Trim() ?? string.Empty;
        if (title.Length is 0 or > MaxTitleLength)
        {
            errors[TitleField] = $"The title must be 1 to {MaxTitleLength} characters long.";
        }

        var description = Description?.Trim() ?? string.Empty;
        if (description.Length > MaxDescriptionLength)
        {
            errors[DescriptionField] = $"The description must be at most {MaxDescriptionLength} characters long (it is {description.Length}).";
        }

        var tags = (Tags ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(t => t.ToLowerInvariant())
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (tags.Count > MaxTags)
        {
            errors[TagsField] = $"At most {MaxTags} tags (there are {tags.Count}).";
        }
        else if (tags.FirstOrDefault(t => t.Length > MaxTagLength) is { } longTag)
        {
            errors[TagsField] = $"Each tag must be at most {MaxTagLength} characters long ('{longTag[..MaxTagLength]}…' is longer).";
        }

        return errors.Count > 0 ? (null, errors) : (new DatasetDisplay(title, description, tags), errors);
    }
}

/// <summary>Checked display fields.</summary>
public sealed record DatasetDisplay(string Title, string Description, IReadOnlyList<string> Tags);
