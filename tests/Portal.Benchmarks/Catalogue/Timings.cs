namespace Portal.Benchmarks.Catalogue;

/// <summary>Percentiles of durations in milliseconds, nearest rank (as the other reports of this project).</summary>
internal static class Timings
{
    public static double Percentile(IEnumerable<double> milliseconds, double fraction)
    {
        var sorted = milliseconds.Order().ToList();
        return sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(fraction * sorted.Count) - 1, 0, sorted.Count - 1)];
    }
}
