using System.Globalization;

namespace Portal.Domain.Budgets;

/// <summary>US dollars as budget messages write them: "$1,234.50".</summary>
public static class Money
{
    public static string Usd(decimal amount) =>
        (amount < 0 ? "-$" : "$") + Math.Abs(decimal.Round(amount, 2, MidpointRounding.AwayFromZero)).ToString("#,##0.00", CultureInfo.InvariantCulture);
}
