namespace Portal.Infra.Persistence;

/// <summary>A row of <c>PortalLimits</c>: one scope's <see cref="Portal.Domain.Quotas.PortalLimits"/> (null: not set there).</summary>
internal sealed class PortalLimitRecord
{
    /// <summary><c>everyone</c>, <c>user:&lt;id&gt;</c> or <c>group:&lt;name&gt;</c>.</summary>
    public required string Scope { get; set; }

    public int? MaxConcurrentSessions { get; set; }

    public int? MaxWorkersPerSession { get; set; }

    public int? MaxWorkersPerRegion { get; set; }

    public int? MaxLifetimeHours { get; set; }

    public int? IdleTimeoutMinMinutes { get; set; }

    public int? IdleTimeoutMaxMinutes { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
