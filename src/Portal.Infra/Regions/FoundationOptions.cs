using System.ComponentModel.DataAnnotations;

namespace Portal.Infra.Regions;

/// <summary>
/// The home side of every worker region's foundation (section <c>Foundation</c>): HomeFoundation's outputs, which
/// PortalStack passes as <c>Foundation__HomeTransitGatewayId</c> and <c>Foundation__HomeHostedZoneId</c>. The home
/// region and its CIDR come from the region catalogue.
/// </summary>
public sealed class FoundationOptions
{
    public const string SectionName = "Foundation";

    /// <summary>What the sandbox uses when <see cref="HomeTransitGatewayId"/> is not set: well formed, plainly not real.</summary>
    public const string SandboxTransitGatewayId = "tgw-00000000000000000";

    /// <summary>What the sandbox uses when <see cref="HomeHostedZoneId"/> is not set.</summary>
    public const string SandboxHostedZoneId = "Z000SANDBOX";

    /// <summary>HomeFoundation's output <c>TransitGatewayId</c>, e.g. <c>tgw-0123456789abcdef0</c>.</summary>
    /// <remarks>Defaults to <see cref="SandboxTransitGatewayId"/> in the sandbox; with <c>Cloud:Provider=Aws</c> there is no default.</remarks>
    public string? HomeTransitGatewayId { get; set; }

    /// <summary>HomeFoundation's output <c>HostedZoneId</c> (the Cloud Map namespace's private zone), e.g. <c>Z0123456789ABCDEFGHIJ</c>.</summary>
    /// <remarks>Defaults to <see cref="SandboxHostedZoneId"/> in the sandbox; with <c>Cloud:Provider=Aws</c> there is no default.</remarks>
    public string? HomeHostedZoneId { get; set; }

    /// <summary>
    /// Optional: the home VPC's CIDR as the deployment knows it (CDK context <c>portal:homeCidr</c>). The portal uses the
    /// region catalogue's; when this is set and differs, the portal does not start, rather than route the wrong block.
    /// </summary>
    /// <remarks>Defaults to not set (no check).</remarks>
    public string? HomeCidr { get; set; }

    /// <summary>
    /// Whether a launch waits for the foundation of every region it puts workers in to be Ready (on AWS a session's
    /// workers stack imports its region's VPC, cluster and file system, and fails without them).
    /// </summary>
    /// <remarks>Defaults to <c>true</c> with <c>Cloud:Provider=Aws</c> and <c>false</c> in the sandbox, whose session stacks need no foundation.</remarks>
    public bool? RequireForSessions { get; set; }

    /// <summary>The default of <see cref="CreateTimeoutInMinutes"/>: 6 hours.</summary>
    public const int DefaultCreateTimeoutInMinutes = 360;

    /// <summary>
    /// Minutes a foundation's create may take before CloudFormation fails it and rolls it back: its own, not a session
    /// stack's (<c>Aws:CloudFormation:TimeoutInMinutes</c>, 60), because FSx for Lustre takes about 10 minutes and each
    /// dataset's association then imports the metadata of every object under its path, which for a large bucket takes hours.
    /// </summary>
    /// <remarks>Defaults to 360.</remarks>
    [Range(30, 1440)]
    public int CreateTimeoutInMinutes { get; set; } = DefaultCreateTimeoutInMinutes;

    /// <summary>How often the Regions page asks for a foundation's status while one is being created or deleted.</summary>
    /// <remarks>Defaults to 3 seconds.</remarks>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:05:00")]
    public TimeSpan StatusPollInterval { get; set; } = TimeSpan.FromSeconds(3);
}
