using Microsoft.AspNetCore.HostFiltering;

namespace Portal.Web.Auth;

/// <summary>
/// The host names local sign-in answers to. Listening on loopback is not enough: a page whose DNS name rebinds to
/// 127.0.0.1 reaches the portal from the victim's browser with its own Host header, reads the sign-in form and signs
/// in as Admin. Host filtering answers such requests 400.
/// </summary>
internal static class LoopbackHosts
{
    public static IReadOnlyList<string> Names { get; } = ["localhost", "127.0.0.1", "[::1]"];

    /// <summary>
    /// Replaces "any host" (no AllowedHosts, or a <c>*</c> in it) by <see cref="Names"/>; a list of names someone
    /// configured stays as it is. Runs after ASP.NET's own post-configuration, which reads AllowedHosts.
    /// </summary>
    public static void Restrict(HostFilteringOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.AllowedHosts.Count == 0 || options.AllowedHosts.Contains("*"))
        {
            options.AllowedHosts = [.. Names];
        }
    }
}
