namespace Portal.Domain.Sessions;

/// <summary>Keeps provider text (CloudFormation reasons can be long) within what a session stores and shows.</summary>
public static class SessionText
{
    /// <summary>The longest reason or message a session keeps.</summary>
    public const int MaxLength = 2000;

    public static string Clip(string text, int maxLength = MaxLength)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length <= maxLength ? text : string.Concat(text.AsSpan(0, maxLength - 1), "…");
    }
}
