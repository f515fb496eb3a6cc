using System.Security.Cryptography;

namespace Portal.Domain.Sessions;

/// <summary>
/// A session identifier such as <c>s-4k7q2m9x1z</c>: lowercase, starts with a letter, short enough to sit
/// inside CloudFormation stack names and SageMaker instance names (both allow letters, digits and dashes).
/// </summary>
public readonly record struct SessionId
{
    private const string Alphabet = "0123456789abcdefghjkmnpqrstvwxyz";
    private const int RandomLength = 10;

    private SessionId(string value) => Value = value;

    public string Value { get; }

    public static SessionId New() => new("s-" + RandomNumberGenerator.GetString(Alphabet, RandomLength));

    public static SessionId Parse(string value) =>
        TryParse(value, out var id) ? id : throw new DomainException($"'{value}' is not a session id.");

    public static bool TryParse(string? value, out SessionId id)
    {
        var ok = value is { Length: 2 + RandomLength }
                 && value.StartsWith("s-", StringComparison.Ordinal)
                 && value[2..].All(c => Alphabet.Contains(c, StringComparison.Ordinal));
        id = ok ? new SessionId(value!) : default;
        return ok;
    }

    public override string ToString() => Value ?? string.Empty;
}
