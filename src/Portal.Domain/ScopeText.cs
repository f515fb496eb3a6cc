namespace Portal.Domain;

/// <summary>
/// The written form shared by budget and limit scopes: <c>user:&lt;actor id&gt;</c> or <c>group:&lt;name&gt;</c>, the
/// prefix in any case, the value trimmed and not empty, the whole at most <see cref="MaxLength"/> characters.
/// </summary>
internal static class ScopeText
{
    public const string UserPrefix = "user:";
    public const string GroupPrefix = "group:";
    public const int MaxLength = 256;

    /// <summary>Reads a user or group scope; false for anything else (blank, too long, another prefix, no value).</summary>
    public static bool TryParse(string? text, out bool isGroup, out string value)
    {
        isGroup = false;
        value = string.Empty;
        if (string.IsNullOrWhiteSpace(text) || text.Trim().Length > MaxLength)
        {
            return false;
        }

        text = text.Trim();
        isGroup = text.StartsWith(GroupPrefix, StringComparison.OrdinalIgnoreCase);
        if (!isGroup && !text.StartsWith(UserPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        value = text[(isGroup ? GroupPrefix.Length : UserPrefix.Length)..].Trim();
        return value.Length > 0;
    }
}
