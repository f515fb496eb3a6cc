using System.ComponentModel.DataAnnotations;

namespace Portal.Web.Security;

/// <summary>Which pages may open circuits, how fast circuits notice a sign-out, and the rate limits.</summary>
public sealed class SecurityOptions
{
    public const string SectionName = "Security";

    /// <summary>
    /// Origins (<c>https://portal.example.org</c>) besides the request's own that may open a circuit: for a portal behind a
    /// proxy whose public scheme, host or port differs from what reaches the portal.
    /// </summary>
    /// <remarks>Defaults to none: only the origin of the request itself.</remarks>
    public IList<string> AllowedOrigins { get; } = [];

    /// <summary>Launches one user may start per minute.</summary>
    /// <remarks>Defaults to <c>5</c>.</remarks>
    [Range(1, 10_000)]
    public int LaunchesPerMinute { get; set; } = 5;

    /// <summary>Sign-in attempts one address may make per minute.</summary>
    /// <remarks>Defaults to <c>10</c>.</remarks>
    [Range(1, 10_000)]
    public int SignInsPerMinute { get; set; } = 10;

    /// <summary>
    /// How often an open circuit checks that its sign-in still holds (on this instance a sign-out reaches circuits at
    /// once; this bounds how long one on another instance takes).
    /// </summary>
    /// <remarks>Defaults to 5 seconds.</remarks>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan CircuitRevalidationInterval { get; set; } = TimeSpan.FromSeconds(5);
}
