using System.Globalization;

namespace Portal.Domain.Sessions;

/// <summary>Byte counts for people, in decimal units: <c>0 B</c>, <c>999 B</c>, <c>5.4 KB</c>, <c>1.2 GB</c>.</summary>
public static class ByteSize
{
    private static readonly string[] Units = ["B", "KB", "MB", "GB", "TB"];

    /// <summary>Whole bytes below 1 KB; above, one decimal in the largest unit (up to TB) that keeps the number under 1000.</summary>
    public static string Format(decimal bytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bytes);
        var whole = decimal.Round(bytes, 0, MidpointRounding.AwayFromZero);
        if (whole < 1000)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{whole:0} B");
        }

        var unit = 0;
        var value = bytes;
        // Round before choosing the unit: 999,950 bytes is 1.0 MB, not 1000.0 KB.
        while (unit < Units.Length - 1 && decimal.Round(value, 1, MidpointRounding.AwayFromZero) >= 1000)
        {
            value /= 1000;
            unit++;
        }

        return string.Create(CultureInfo.InvariantCulture, $"{decimal.Round(value, 1, MidpointRounding.AwayFromZero):0.0} {Units[unit]}");
    }
}
