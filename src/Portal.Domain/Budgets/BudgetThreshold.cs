using System.Globalization;

namespace Portal.Domain.Budgets;

/// <summary>What the portal does once a budget's spend reaches a threshold.</summary>
public enum BudgetAction
{
    /// <summary>A banner for the users it covers and an entry in the activity of their running sessions, once a month.</summary>
    Notify,

    /// <summary>New launches and retries are refused.</summary>
    RefuseLaunches,

    /// <summary>Running sessions are stopped.</summary>
    StopSessions,
}

/// <summary>At <paramref name="Percent"/> % of the monthly limit, <paramref name="Action"/>.</summary>
public sealed record BudgetThreshold(int Percent, BudgetAction Action)
{
    public const int MinPercent = 1;
    public const int MaxPercent = 1000;

    /// <summary>Notify at 80 %, refuse launches at 100 %, stop sessions at 120 %.</summary>
    public static IReadOnlyList<BudgetThreshold> Defaults { get; } =
        [new(80, BudgetAction.Notify), new(100, BudgetAction.RefuseLaunches), new(120, BudgetAction.StopSessions)];

    /// <summary>Reads <c>80:Notify,100:RefuseLaunches,120:StopSessions</c> (the form configuration and storage use).</summary>
    public static IReadOnlyList<BudgetThreshold> ParseList(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var thresholds = new List<BudgetThreshold>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var pair = part.Split(':', StringSplitOptions.TrimEntries);
            if (pair.Length != 2
                || !int.TryParse(pair[0], NumberStyles.None, CultureInfo.InvariantCulture, out var percent)
                || !Enum.TryParse<BudgetAction>(pair[1], ignoreCase: true, out var action)
                || !Enum.IsDefined(action))
            {
                throw new DomainException(
                    $"'{part}' is not a budget threshold: write '<percent>:<action>' with an action of Notify, RefuseLaunches or StopSessions, for example '80:Notify'.");
            }

            thresholds.Add(new BudgetThreshold(percent, action));
        }

        return thresholds;
    }

    /// <summary>The inverse of <see cref="ParseList"/>.</summary>
    public static string Format(IEnumerable<BudgetThreshold> thresholds) =>
        string.Join(',', thresholds.Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.Percent}:{t.Action}")));
}
