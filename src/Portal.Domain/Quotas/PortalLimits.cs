using System.Globalization;

namespace Portal.Domain.Quotas;

/// <summary>
/// The portal's own limits for one scope (a user, a group, or everyone). Each limit is optional: one left empty (null)
/// is not set at this scope, and the next scope decides (see <see cref="EffectiveLimits.For"/>). Built by
/// <see cref="Create"/>, which checks every rule; trusted afterwards.
/// </summary>
public sealed record PortalLimits
{
    public const int MaxCount = 10_000;
    public const int MaxHours = 24 * 31;
    public const int MaxIdleMinutes = 24 * 60 * 7;

    private PortalLimits(LimitScope scope)
    {
        Scope = scope;
    }

    public LimitScope Scope { get; }

    /// <summary>Sessions the user may have running at once (requested, provisioning or ready).</summary>
    public int? MaxConcurrentSessions { get; private init; }

    /// <summary>Workers one session may have, all its regions together.</summary>
    public int? MaxWorkersPerSession { get; private init; }

    /// <summary>Workers the user may have in one region, their running sessions and the launch together.</summary>
    public int? MaxWorkersPerRegion { get; private init; }

    /// <summary>The longest lifetime (the form's maximum hours) a session may ask for.</summary>
    public int? MaxLifetimeHours { get; private init; }

    /// <summary>The shortest idle timeout a session gets; the portal's idle timeout is raised to it.</summary>
    public int? IdleTimeoutMinMinutes { get; private init; }

    /// <summary>The longest idle timeout a session gets; the portal's idle timeout is lowered to it.</summary>
    public int? IdleTimeoutMaxMinutes { get; private init; }

    public static PortalLimits Create(
        LimitScope scope,
        int? maxConcurrentSessions = null,
        int? maxWorkersPerSession = null,
        int? maxWorkersPerRegion = null,
        int? maxLifetimeHours = null,
        int? idleTimeoutMinMinutes = null,
        int? idleTimeoutMaxMinutes = null)
    {
        if (scope.Value is null)
        {
            throw new DomainException("Portal limits need a scope ('everyone', 'user:<user id>' or 'group:<group name>').");
        }

        Check(scope, "Maximum concurrent sessions", maxConcurrentSessions, 0, MaxCount);
        Check(scope, "Maximum workers per session", maxWorkersPerSession, 1, MaxCount);
        Check(scope, "Maximum workers per region", maxWorkersPerRegion, 1, MaxCount);
        Check(scope, "Maximum lifetime (hours)", maxLifetimeHours, 1, MaxHours);
        Check(scope, "Idle timeout minimum (minutes)", idleTimeoutMinMinutes, 1, MaxIdleMinutes);
        Check(scope, "Idle timeout maximum (minutes)", idleTimeoutMaxMinutes, 1, MaxIdleMinutes);
        if (idleTimeoutMinMinutes is { } min && idleTimeoutMaxMinutes is { } max && min > max)
        {
            throw new DomainException(string.Create(CultureInfo.InvariantCulture,
                $"Limits for {scope}: the idle timeout minimum ({min} min) is above the maximum ({max} min)."));
        }

        return new PortalLimits(scope)
        {
            MaxConcurrentSessions = maxConcurrentSessions,
            MaxWorkersPerSession = maxWorkersPerSession,
            MaxWorkersPerRegion = maxWorkersPerRegion,
            MaxLifetimeHours = maxLifetimeHours,
            IdleTimeoutMinMinutes = idleTimeoutMinMinutes,
            IdleTimeoutMaxMinutes = idleTimeoutMaxMinutes,
        };
    }

    private static void Check(LimitScope scope, string what, int? value, int min, int max)
    {
        if (value is { } v && (v < min || v > max))
        {
            throw new DomainException(string.Create(CultureInfo.InvariantCulture,
                $"Limits for {scope}: {what} is {v}; use {min} to {max}, or leave it empty for no limit at this scope."));
        }
    }
}
