using System.Globalization;

namespace Portal.Domain.Budgets;

/// <summary>A calendar month in UTC, the period every budget runs over.</summary>
public readonly record struct BudgetMonth(int Year, int Month)
{
    public static BudgetMonth Containing(DateTimeOffset instant)
    {
        var utc = instant.UtcDateTime;
        return new BudgetMonth(utc.Year, utc.Month);
    }

    public DateTimeOffset Start => new(Year, Month, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The first instant of the next month (exclusive end).</summary>
    public DateTimeOffset End => Start.AddMonths(1);

    /// <summary>"2026-05": how a month is stored.</summary>
    public string Key => string.Create(CultureInfo.InvariantCulture, $"{Year:0000}-{Month:00}");

    public override string ToString() => Key;
}
