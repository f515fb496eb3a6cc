using System.Globalization;
using Portal.Domain.Costs;

namespace Portal.Web.Components.Costs;

/// <summary>What the cost panel says when the prices are older than the refresh interval allows; null when they are fresh.</summary>
public static class PriceFreshness
{
    public static string? Warning(PriceBookStatus? status, DateTimeOffset now)
    {
        if (status is not { IsStale: true } stale)
        {
            return null;
        }

        var book = stale.Book;
        if (stale.IsLive && book.FetchedAt is { } fetched)
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"Prices were read from AWS on {fetched:yyyy-MM-dd HH:mm} UTC, {Age(now - fetched)} ago: they are refreshed every {Age(stale.RefreshInterval)} and the last refresh did not succeed. AWS may charge differently; an admin can check the portal's log.");
        }

        var days = Math.Max(0, now.UtcDateTime.Date.Subtract(book.AsOf.ToDateTime(TimeOnly.MinValue)).Days);
        return string.Create(CultureInfo.InvariantCulture,
            $"These are the portal's bundled prices of {book.AsOf:yyyy-MM-dd} ({days} days old), not live AWS prices: AWS may charge differently.");
    }

    private static string Age(TimeSpan span) => span.TotalDays >= 1
        ? string.Create(CultureInfo.InvariantCulture, $"{span.TotalDays:0.#} day{(span.TotalDays >= 2 ? "s" : string.Empty)}")
        : string.Create(CultureInfo.InvariantCulture, $"{span.TotalHours:0.#} hours");
}
