using System.Collections.Frozen;

namespace Portal.Web.Auth;

/// <summary>
/// Why a sign-in did not happen: a code in the sign-in page's <c>error</c> query, and the fixed message the page shows
/// for it. The page never shows text from its link, so a crafted link cannot make the portal say anything else.
/// </summary>
internal static class SignInErrors
{
    public const string UserNameMissing = "user-name-missing";
    public const string UserNameCharacters = "user-name-characters";
    public const string UserNameTooLong = "user-name-too-long";
    public const string Role = "role";
    public const string EntraFailed = "entra-failed";
    public const string EntraNoUserName = "entra-no-user-name";

    private static readonly FrozenDictionary<string, string> Messages = new Dictionary<string, string>
    {
        [UserNameMissing] = "Enter a user name.",
        [UserNameCharacters] = "Use letters, digits, dots, dashes, underscores or @ in the user name.",
        [UserNameTooLong] = $"A user name has at most {AccountEndpoints.MaxUserNameLength} characters.",
        [Role] = "Choose the role User or Admin.",
        [EntraFailed] = "Sign-in with Microsoft did not complete. Try again, or ask an admin if it keeps failing.",
        [EntraNoUserName] = "Your Microsoft account has no user name (preferred_username) that Portal can use; ask an admin.",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The message for <paramref name="code"/>; null for anything that is not one of the codes above.</summary>
    public static string? Message(string? code) => code is not null && Messages.TryGetValue(code, out var message) ? message : null;

    /// <summary>The sign-in page showing the message of <paramref name="code"/>.</summary>
    public static string SignInPath(string code) => "/signin" + QueryString.Create("error", code);
}
