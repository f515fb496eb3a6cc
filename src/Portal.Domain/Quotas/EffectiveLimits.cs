namespace Portal.Domain.Quotas;

/// <summary>One limit as it applies to an actor: its value and the scope it came from.</summary>
public sealed record AppliedLimit(int Value, LimitScope From)
{
    /// <summary>"limit for group 'Team X'".</summary>
    public string Source => From.Describe();
}

/// <summary>
/// The portal limits that apply to one actor, limit by limit. For each limit: the user's own limit wins (when set);
/// otherwise the most generous of their groups' limits (the highest value; for the idle timeout minimum, the lowest);
/// otherwise the default (<c>everyone</c>); otherwise there is no limit. A limit left empty at a scope does not count
/// there: the next scope decides.
/// </summary>
public sealed record EffectiveLimits(
    AppliedLimit? MaxConcurrentSessions,
    AppliedLimit? MaxWorkersPerSession,
    AppliedLimit? MaxWorkersPerRegion,
    AppliedLimit? MaxLifetimeHours,
    AppliedLimit? IdleTimeoutMinMinutes,
    AppliedLimit? IdleTimeoutMaxMinutes)
{
    public static EffectiveLimits None { get; } = new(null, null, null, null, null, null);

    public static EffectiveLimits For(string actorId, IReadOnlyCollection<string> groups, IEnumerable<PortalLimits> limits)
    {
        ArgumentNullException.ThrowIfNull(groups);
        ArgumentNullException.ThrowIfNull(limits);
        var all = limits.ToList();
        var own = all.Where(l => l.Scope.Kind == LimitScopeKind.User && string.Equals(l.Scope.Value, actorId, StringComparison.Ordinal)).ToList();
        var mine = all.Where(l => l.Scope.Kind == LimitScopeKind.Group && groups.Contains(l.Scope.Value, StringComparer.Ordinal)).ToList();
        var fallback = all.Where(l => l.Scope.Kind == LimitScopeKind.Everyone).ToList();

        AppliedLimit? Pick(Func<PortalLimits, int?> read, bool lowerIsMoreGenerous = false)
        {
            if (own.FirstOrDefault(l => read(l) is not null) is { } user)
            {
                return new AppliedLimit(read(user)!.Value, user.Scope);
            }

            var fromGroups = mine.Where(l => read(l) is not null).ToList();
            if (fromGroups.Count > 0)
            {
                var best = lowerIsMoreGenerous ? fromGroups.MinBy(l => read(l)!.Value)! : fromGroups.MaxBy(l => read(l)!.Value)!;
                return new AppliedLimit(read(best)!.Value, best.Scope);
            }

            return fallback.FirstOrDefault(l => read(l) is not null) is { } everyone ? new AppliedLimit(read(everyone)!.Value, everyone.Scope) : null;
        }

        return new EffectiveLimits(
            Pick(l => l.MaxConcurrentSessions),
            Pick(l => l.MaxWorkersPerSession),
            Pick(l => l.MaxWorkersPerRegion),
            Pick(l => l.MaxLifetimeHours),
            Pick(l => l.IdleTimeoutMinMinutes, lowerIsMoreGenerous: true),
            Pick(l => l.IdleTimeoutMaxMinutes));
    }

    /// <summary>
    /// The idle timeout a session gets: the portal's, raised to the minimum and lowered to the maximum that apply (the
    /// minimum wins when a user's and a group's bounds cross).
    /// </summary>
    public TimeSpan IdleTimeoutWithin(TimeSpan configured)
    {
        var result = configured;
        if (IdleTimeoutMaxMinutes is { } max && result > TimeSpan.FromMinutes(max.Value))
        {
            result = TimeSpan.FromMinutes(max.Value);
        }

        if (IdleTimeoutMinMinutes is { } min && result < TimeSpan.FromMinutes(min.Value))
        {
            result = TimeSpan.FromMinutes(min.Value);
        }

        return result;
    }
}
