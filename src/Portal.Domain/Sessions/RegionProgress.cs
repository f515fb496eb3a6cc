using Portal.Domain.Regions;

namespace Portal.Domain.Sessions;

/// <summary>Where a region of a session is, as one word.</summary>
public enum RegionPhase
{
    /// <summary>No step of the region has started.</summary>
    Waiting,

    /// <summary>Its resources are being created.</summary>
    Starting,

    /// <summary>Every step of the region is created.</summary>
    Ready,

    /// <summary>A step of the region failed.</summary>
    Failed,

    /// <summary>Its resources are being deleted.</summary>
    Deleting,

    /// <summary>Everything the region had is deleted.</summary>
    Deleted,
}

/// <summary>
/// How far one region of a session is: its steps run side by side, so the region is ready when its slowest step is, and
/// is expected to take as long as the slowest step usually takes (<see cref="StepDurations"/>).
/// </summary>
/// <param name="Phase">Where the region is.</param>
/// <param name="Fraction">0 to 1: the share of the expected time gone by while starting (never 1 before it is ready), 1 once ready.</param>
/// <param name="Elapsed">Time since the region's first step started, to now or to its last step's completion; null before any started.</param>
/// <param name="Expected">The usual time for this region's steps; null when no earlier session measured them.</param>
public sealed record RegionProgress(RegionCode Region, RegionPhase Phase, double Fraction, TimeSpan? Elapsed, ExpectedDuration? Expected)
{
    /// <summary>The bar never shows "done" for a region still starting: it stops short of the end when it takes longer than usual.</summary>
    public const double MaxWhileStarting = 0.95;

    /// <summary>Time still expected while starting (zero once past the usual time); null when not starting or nothing is expected.</summary>
    public TimeSpan? Remaining => Phase == RegionPhase.Starting && Expected is { } expected && Elapsed is { } elapsed
        ? expected.Typical > elapsed ? expected.Typical - elapsed : TimeSpan.Zero
        : null;

    /// <summary>The progress of <paramref name="region"/> in <paramref name="session"/> at <paramref name="now"/>.</summary>
    public static RegionProgress Of(Session session, RegionCode region, StepDurations durations, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(durations);
        var steps = session.Steps.Where(s => s.Region == region).ToList();
        var phase = PhaseOf(steps);
        var expected = steps
            .Select(s => durations.For(s.Kind, region))
            .OfType<ExpectedDuration>()
            .MaxBy(e => e.Typical);
        var started = steps.Select(s => s.StartedAt).OfType<DateTimeOffset>().DefaultIfEmpty().Min();
        TimeSpan? elapsed = phase switch
        {
            RegionPhase.Waiting => null,
            RegionPhase.Starting => now - started,
            _ when started == default => null,
            _ => (steps.Select(s => s.CompletedAt).OfType<DateTimeOffset>().DefaultIfEmpty(now).Max()) - started,
        };
        var fraction = phase switch
        {
            RegionPhase.Ready => 1,
            RegionPhase.Starting when expected is { Typical.Ticks: > 0 } && elapsed is { } e => Math.Min(MaxWhileStarting, e / expected.Typical),
            _ => 0,
        };
        return new RegionProgress(region, phase, fraction, elapsed, expected);
    }

    private static RegionPhase PhaseOf(List<SessionStep> steps)
    {
        if (steps.Any(s => s.Status == StepStatus.Failed))
        {
            return RegionPhase.Failed;
        }

        if (steps.Any(s => s.Status == StepStatus.Deleting))
        {
            return RegionPhase.Deleting;
        }

        if (steps.Count > 0 && steps.All(s => s.Status == StepStatus.Deleted))
        {
            return RegionPhase.Deleted;
        }

        if (steps.Count > 0 && steps.All(s => s.Status == StepStatus.Complete))
        {
            return RegionPhase.Ready;
        }

        return steps.Any(s => s.Status is StepStatus.InProgress or StepStatus.Complete) ? RegionPhase.Starting : RegionPhase.Waiting;
    }
}
