using Microsoft.Extensions.Options;
using Portal.Domain.Costs;
using Portal.Infra.Persistence;

namespace Portal.Infra.Pricing;

/// <summary>
/// The price book estimates use: with <c>Pricing:Source=Api</c> the newest stored book, its gaps filled from the bundled
/// snapshot; otherwise (or before any book was fetched) the snapshot itself. It reads only the database, never AWS;
/// <see cref="PriceBookRefresher"/> keeps the stored book fresh.
/// </summary>
internal sealed class CurrentPriceSource(EfPriceBookStore store, IOptions<PricingOptions> options, PricingMode mode, TimeProvider time)
    : IPriceSource, IPriceBookStatusSource
{
    /// <summary>How long a book read from the database is reused before looking again (another instance may have refreshed).</summary>
    public static readonly TimeSpan ReuseFor = TimeSpan.FromMinutes(1);

    public const string SnapshotLabel = "bundled snapshot";

    private readonly Lock _lock = new();
    private (PriceBook Book, DateTimeOffset ReadAt)? _cached;

    public async Task<PriceBook> GetPriceBookAsync(CancellationToken cancellationToken)
    {
        var snapshot = BundledPriceSource.Snapshot.Value;
        if (!mode.UsesApi)
        {
            return snapshot;
        }

        var now = time.GetUtcNow();
        lock (_lock)
        {
            if (_cached is { } cached && now - cached.ReadAt < ReuseFor)
            {
                return cached.Book;
            }
        }

        var stored = await store.FindLatestAsync(cancellationToken);
        var book = stored?.FillGapsFrom(snapshot, SnapshotLabel) ?? snapshot;
        Remember(book, now);
        return book;
    }

    public async Task<PriceBookStatus> GetStatusAsync(CancellationToken cancellationToken)
    {
        var book = await GetPriceBookAsync(cancellationToken);
        return PriceBookStatus.Of(book, options.Value.RefreshInterval, mode.UsesApi, time.GetUtcNow());
    }

    /// <summary>A book just fetched and stored: used from now on without reading it back.</summary>
    public void Publish(PriceBook fetched)
    {
        ArgumentNullException.ThrowIfNull(fetched);
        Remember(fetched.FillGapsFrom(BundledPriceSource.Snapshot.Value, SnapshotLabel), time.GetUtcNow());
    }

    private void Remember(PriceBook book, DateTimeOffset now)
    {
        lock (_lock)
        {
            _cached = (book, now);
        }
    }
}
