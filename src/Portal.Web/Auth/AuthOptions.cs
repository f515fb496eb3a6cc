namespace Portal.Web.Auth;

/// <summary>How people sign in.</summary>
public sealed class AuthOptions
{
    public const string SectionName = "Auth";
    public const string LocalMode = "Local";
    public const string EntraMode = "Entra";

    /// <summary><c>Local</c> (pick a user name and role; for the sandbox and tests) or <c>Entra</c> (Microsoft Entra ID).</summary>
    /// <remarks>Defaults to <c>Local</c>.</remarks>
    public string Mode { get; set; } = LocalMode;

    /// <summary>Lets local sign-in run on an address other machines can reach. Anyone could then sign in as anyone.</summary>
    /// <remarks>
    /// Defaults to <c>false</c>: the portal then listens on loopback only and answers only the host names localhost,
    /// 127.0.0.1 and [::1], unless AllowedHosts names others.
    /// </remarks>
    public bool AllowNonLoopback { get; set; }

    public bool IsLocal => string.Equals(Mode, LocalMode, StringComparison.OrdinalIgnoreCase);

    public bool IsEntra => string.Equals(Mode, EntraMode, StringComparison.OrdinalIgnoreCase);
}
