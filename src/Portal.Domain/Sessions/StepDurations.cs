using Portal.Domain.Regions;

namespace Portal.Domain.Sessions;

/// <summary>How long creating a kind of step usually takes, and how many earlier sessions say so.</summary>
/// <param name="Typical">The median of the measured durations.</param>
/// <param name="Measured">How many steps were measured.</param>
public sealed record ExpectedDuration(TimeSpan Typical, int Measured);

/// <summary>
/// What earlier sessions teach about the time to create each step: per kind and region, the median of the most recent
/// creations (a step counts once it was created: it is complete, or it was deleted after its session became ready).
/// A region never measured falls back on the same kind in any region.
/// </summary>
public sealed class StepDurations
{
    /// <summary>How many of the most recent creations of a kind of step are looked at.</summary>
    public const int Sample = 20;

    private readonly IReadOnlyDictionary<(StepKind Kind, RegionCode Region), ExpectedDuration> _byRegion;
    private readonly IReadOnlyDictionary<StepKind, ExpectedDuration> _byKind;

    private StepDurations(
        IReadOnlyDictionary<(StepKind Kind, RegionCode Region), ExpectedDuration> byRegion,
        IReadOnlyDictionary<StepKind, ExpectedDuration> byKind)
    {
        _byRegion = byRegion;
        _byKind = byKind;
    }

    /// <summary>Nothing learnt yet: no expectation for any step.</summary>
    public static StepDurations None { get; } = new(new Dictionary<(StepKind, RegionCode), ExpectedDuration>(), new Dictionary<StepKind, ExpectedDuration>());

    /// <summary>Learns from <paramref name="sessions"/> (any order; the most recent creations count).</summary>
    public static StepDurations Learn(IEnumerable<Session> sessions)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        var created = sessions
            .SelectMany(session => session.Steps.Where(step => WasCreated(session, step)))
            .Select(step => (step.Kind, step.Region, At: step.CompletedAt!.Value, Took: step.CompletedAt!.Value - step.StartedAt!.Value))
            .Where(m => m.Took >= TimeSpan.Zero)
            .OrderByDescending(m => m.At)
            .ToList();
        var byRegion = created.GroupBy(m => (m.Kind, m.Region))
            .ToDictionary(g => g.Key, g => Median(g.Take(Sample).Select(m => m.Took)));
        var byKind = created.GroupBy(m => m.Kind)
            .ToDictionary(g => g.Key, g => Median(g.Take(Sample).Select(m => m.Took)));
        return new StepDurations(byRegion, byKind);
    }

    /// <summary>The expected time to create a step of <paramref name="kind"/> in <paramref name="region"/>; null when nothing was measured.</summary>
    public ExpectedDuration? For(StepKind kind, RegionCode region) =>
        _byRegion.TryGetValue((kind, region), out var here) ? here : _byKind.GetValueOrDefault(kind);

    /// <summary>
    /// Complete steps were created; deleted ones were too if their session became ready (every step was created then;
    /// a retry starts a step's timing again). A step deleted before it was created has no creation time.
    /// </summary>
    private static bool WasCreated(Session session, SessionStep step) =>
        step is { StartedAt: not null, CompletedAt: not null }
        && (step.Status == StepStatus.Complete || (session.ReadyAt is not null && step.Status is StepStatus.Deleting or StepStatus.Deleted));

    private static ExpectedDuration Median(IEnumerable<TimeSpan> durations)
    {
        var sorted = durations.Order().ToList();
        var middle = sorted.Count / 2;
        var median = sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        return new ExpectedDuration(median, sorted.Count);
    }
}
