using System.Globalization;
using Portal.Domain.LaunchPlans;
using Portal.Domain.Regions;
using Portal.Domain.Sessions;

namespace Portal.Domain.Quotas;

/// <summary>
/// Whether a launch fits the portal limits that apply to its owner: pure, given the plan, the owner's sessions and the
/// limits. Each refusal names the limit, where it comes from, and what the user can do. Limits apply to admins too.
/// </summary>
public static class PortalLimitCheck
{
    /// <summary>Sessions that count as running: asked for, being created, or ready.</summary>
    public static bool IsRunning(Session session)
    {
        ArgumentNullException.ThrowIfNull(session);
        return session.State is SessionState.Requested or SessionState.Provisioning or SessionState.Ready;
    }

    /// <summary>The workers a running session has in each region (its worker steps not deleted).</summary>
    public static IReadOnlyDictionary<RegionCode, int> WorkersByRegion(Session session)
    {
        ArgumentNullException.ThrowIfNull(session);
        return session.Steps
            .Where(s => s.Kind == StepKind.Workers && s.Status != StepStatus.Deleted)
            .GroupBy(s => s.Region)
            .ToDictionary(g => g.Key, g => g.Sum(s => WorkersOf(s.Spec, session.Request.WorkersPerRegion)));
    }

    /// <param name="plan">What the launch would create.</param>
    /// <param name="maximumHours">The lifetime the launch asks for.</param>
    /// <param name="ownerSessions">The owner's sessions (any state; only running ones count).</param>
    public static IReadOnlyList<string> ForLaunch(EffectiveLimits limits, LaunchPlan plan, int maximumHours, IEnumerable<Session> ownerSessions)
    {
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(ownerSessions);
        var running = ownerSessions.Where(IsRunning).ToList();
        var refusals = new List<string>();

        if (limits.MaxConcurrentSessions is { } sessions && running.Count + 1 > sessions.Value)
        {
            refusals.Add(
                $"You may run at most {Count(sessions.Value, "session")} at once ({sessions.Source}); you have {running.Count} running. "
                + "Stop one, or ask an admin to raise the limit.");
        }

        var total = plan.Pools.Sum(p => p.Workers);
        if (limits.MaxWorkersPerSession is { } perSession && total > perSession.Value)
        {
            refusals.Add(
                $"A session may have at most {Count(perSession.Value, "worker")} ({perSession.Source}); this launch asks for {total} "
                + $"({Count(plan.Pools.Count, "region")}). Choose fewer workers per region, or ask an admin to raise the limit.");
        }

        if (limits.MaxWorkersPerRegion is { } perRegion)
        {
            var mine = running.SelectMany(s => WorkersByRegion(s)).GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.Sum(p => p.Value));
            foreach (var pool in plan.Pools)
            {
                var have = mine.GetValueOrDefault(pool.Region);
                if (have + pool.Workers > perRegion.Value)
                {
                    refusals.Add(
                        $"You may run at most {Count(perRegion.Value, "worker")} in {pool.Region} ({perRegion.Source}); you have {have} running there "
                        + $"and this launch adds {pool.Workers}. Choose fewer workers, stop a session there, or ask an admin to raise the limit.");
                }
            }
        }

        if (limits.MaxLifetimeHours is { } lifetime && maximumHours > lifetime.Value)
        {
            refusals.Add(
                $"A session may live at most {Count(lifetime.Value, "hour")} ({lifetime.Source}); this launch asks for {maximumHours}. "
                + "Choose fewer hours, or ask an admin to raise the limit.");
        }

        return refusals;
    }

    private static int WorkersOf(StepSpec spec, int fallback) =>
        int.TryParse(spec.Parameter(SessionStackParameters.WorkerCount), NumberStyles.None, CultureInfo.InvariantCulture, out var count) ? count : fallback;

    private static string Count(int n, string noun) => string.Create(CultureInfo.InvariantCulture, $"{n} {noun}{(n == 1 ? "" : "s")}");
}
