namespace Portal.Domain.Costs;

/// <summary>The price book estimates use now, how often it is refreshed, and whether it is older than that.</summary>
/// <param name="IsLive">True when the portal reads prices from the AWS Price List API (<c>Pricing:Source=Api</c>).</param>
/// <param name="IsStale">True when the book is older than <paramref name="RefreshInterval"/> (the bundled snapshot: by its date).</param>
public sealed record PriceBookStatus(PriceBook Book, TimeSpan RefreshInterval, bool IsLive, bool IsStale)
{
    public static PriceBookStatus Of(PriceBook book, TimeSpan refreshInterval, bool isLive, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(book);
        return new PriceBookStatus(book, refreshInterval, isLive, book.IsStale(now, refreshInterval));
    }
}
