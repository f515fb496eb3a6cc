namespace Portal.Domain.Regions;

/// <summary>An AWS region identifier such as <c>eu-west-2</c>; parsed once, trusted afterwards.</summary>
public readonly record struct RegionCode
{
    private RegionCode(string value) => Value = value;

    public string Value { get; }

    public static RegionCode Parse(string value) =>
        TryParse(value, out var code)
            ? code
            : throw new DomainException($"'{value}' is not an AWS region code.");

    public static bool TryParse(string? value, out RegionCode code)
    {
        var ok = !string.IsNullOrWhiteSpace(value)
                 && value.Length <= 32
                 && value.Count(c => c == '-') == 2
                 && char.IsAsciiLetterLower(value[0])
                 && char.IsAsciiDigit(value[^1])
                 && value.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');
        code = ok ? new RegionCode(value!) : default;
        return ok;
    }

    public override string ToString() => Value ?? string.Empty;
}
