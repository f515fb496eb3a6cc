using System.ComponentModel.DataAnnotations;
using Portal.Domain.Quotas;

namespace Portal.Web.Components.Pages.Admin;

/// <summary>What the portal-limits form edits: a scope and its six optional limits (empty: not set at this scope).</summary>
public sealed class LimitForm
{
    [Required(ErrorMessage = "Enter a scope: 'everyone', 'user:<user id>' or 'group:<group name>'.")]
    [MaxLength(LimitScope.MaxLength, ErrorMessage = "The scope is longer than 256 characters.")]
    public string? Scope { get; set; }

    [Range(0, PortalLimits.MaxCount, ErrorMessage = "Concurrent sessions must be between 0 and 10000, or empty.")]
    public int? MaxConcurrentSessions { get; set; }

    [Range(1, PortalLimits.MaxCount, ErrorMessage = "Workers per session must be between 1 and 10000, or empty.")]
    public int? MaxWorkersPerSession { get; set; }

    [Range(1, PortalLimits.MaxCount, ErrorMessage = "Workers per region must be between 1 and 10000, or empty.")]
    public int? MaxWorkersPerRegion { get; set; }

    [Range(1, PortalLimits.MaxHours, ErrorMessage = "Maximum lifetime must be between 1 and 744 hours, or empty.")]
    public int? MaxLifetimeHours { get; set; }

    [Range(1, PortalLimits.MaxIdleMinutes, ErrorMessage = "The idle timeout minimum must be between 1 and 10080 minutes, or empty.")]
    public int? IdleTimeoutMinMinutes { get; set; }

    [Range(1, PortalLimits.MaxIdleMinutes, ErrorMessage = "The idle timeout maximum must be between 1 and 10080 minutes, or empty.")]
    public int? IdleTimeoutMaxMinutes { get; set; }

    public static LimitForm From(PortalLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        return new LimitForm
        {
            Scope = limits.Scope.ToString(),
            MaxConcurrentSessions = limits.MaxConcurrentSessions,
            MaxWorkersPerSession = limits.MaxWorkersPerSession,
            MaxWorkersPerRegion = limits.MaxWorkersPerRegion,
            MaxLifetimeHours = limits.MaxLifetimeHours,
            IdleTimeoutMinMinutes = limits.IdleTimeoutMinMinutes,
            IdleTimeoutMaxMinutes = limits.IdleTimeoutMaxMinutes,
        };
    }

    /// <summary>The limits, built by the domain's rules (which throw <see cref="Portal.Domain.DomainException"/> with the reason).</summary>
    public PortalLimits ToLimits() => PortalLimits.Create(
        LimitScope.Parse(Scope), MaxConcurrentSessions, MaxWorkersPerSession, MaxWorkersPerRegion, MaxLifetimeHours, IdleTimeoutMinMinutes, IdleTimeoutMaxMinutes);
}
