namespace Portal.Domain.Datasets;

/// <summary>
/// A short, stable dataset identifier such as <c>era5</c> or <c>cmip6-us-east-2</c>: lowercase letters, digits, dashes and
/// underscores, starting with a letter or digit (the Open Data Registry's slugs, such as <c>1000-genomes</c>), at most 100.
/// </summary>
public readonly record struct DatasetId
{
    /// <summary>The longest id: a registry slug (71 characters today) with a region after it.</summary>
    public const int MaxLength = 100;

    private DatasetId(string value) => Value = value;

    public string Value { get; }

    public static DatasetId Parse(string value) =>
        TryParse(value, out var id)
            ? id
            : throw new DomainException($"'{value}' is not a dataset id (lowercase letters, digits, dashes and underscores).");

    public static bool TryParse(string? value, out DatasetId id)
    {
        var ok = !string.IsNullOrEmpty(value)
                 && value.Length <= MaxLength
                 && (char.IsAsciiLetterLower(value[0]) || char.IsAsciiDigit(value[0]))
                 && value.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '_');
        id = ok ? new DatasetId(value!) : default;
        return ok;
    }

    public override string ToString() => Value ?? string.Empty;
}
