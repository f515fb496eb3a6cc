using System.ComponentModel.DataAnnotations;

namespace Portal.Infra.Reaper;

/// <summary>How the reaper looks for stacks and notebook instances that no live session owns.</summary>
public sealed class ReaperOptions
{
    public const string SectionName = "Reaper";

    /// <summary>Whether the reaper runs.</summary>
    /// <remarks>Defaults to true.</remarks>
    public bool Enabled { get; set; } = true;

    /// <summary>How often every enabled region is looked at.</summary>
    /// <remarks>Defaults to 10 minutes (two list calls per region and service).</remarks>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How old a resource must be before it can be reaped, so that a create racing a launch is never taken for an orphan.</summary>
    /// <remarks>Defaults to 30 minutes.</remarks>
    [Range(typeof(TimeSpan), "00:00:00", "7.00:00:00")]
    public TimeSpan GracePeriod { get; set; } = TimeSpan.FromMinutes(30);
}
