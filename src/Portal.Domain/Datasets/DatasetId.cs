namespace Portal.Domain.Datasets;

/// <summary>A short, stable dataset identifier such as <c>era5</c> (lowercase letters, digits and dashes).</summary>
public readonly record struct DatasetId
{
    private DatasetId(string value) => Value = value;

    public string Value { get; }

    public static DatasetId Parse(string value) =>
        TryParse(value, out var id)
            ? id
            : throw new DomainException($"'{value}' is not a dataset id (lowercase letters, digits and dashes).");

    public static bool TryParse(string? value, out DatasetId id)
    {
        var ok = !string.IsNullOrEmpty(value)
                 && value.Length <= 64
                 && char.IsAsciiLetterLower(value[0])
                 && value.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');
        id = ok ? new DatasetId(value!) : default;
        return ok;
    }

    public override string ToString() => Value ?? string.Empty;
}
