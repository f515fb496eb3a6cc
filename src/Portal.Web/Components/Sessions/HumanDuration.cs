using System.Globalization;

namespace Portal.Web.Components.Sessions;

/// <summary>Durations as people say them: "45 s", "2 min 13 s", "1 h 5 min", never "799 s".</summary>
public static class HumanDuration
{
    public static string Format(TimeSpan duration)
    {
        var seconds = (long)Math.Round(Math.Max(0, duration.TotalSeconds), MidpointRounding.AwayFromZero);
        return seconds switch
        {
            0 => "under a second",
            < 60 => Invariant($"{seconds} s"),
            < 3600 when seconds % 60 == 0 => Invariant($"{seconds / 60} min"),
            < 3600 => Invariant($"{seconds / 60} min {seconds % 60} s"),
            _ when seconds / 60 % 60 == 0 => Invariant($"{seconds / 3600} h"),
            _ => Invariant($"{seconds / 3600} h {seconds / 60 % 60} min"),
        };
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
