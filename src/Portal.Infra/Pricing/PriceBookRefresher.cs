using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Portal.Domain;
using Portal.Infra.Aws.Runtime;
using Portal.Infra.Persistence;

namespace Portal.Infra.Pricing;

/// <summary>
/// Keeps the stored price book fresh (<c>Pricing:Source=Api</c> only): at start when the newest stored book is older than
/// <see cref="PricingOptions.RefreshInterval"/>, then every interval. A failed read logs a warning and changes nothing:
/// estimates go on with the previous book (or the bundled snapshot), and the read is tried again within the hour.
/// </summary>
internal sealed partial class PriceBookRefresher(
    PriceListReader reader,
    EfPriceBookStore store,
    CurrentPriceSource current,
    IOptions<PricingOptions> options,
    TimeProvider time,
    ILogger<PriceBookRefresher> logger) : BackgroundService
{
    /// <summary>The longest wait after a failed read before the next try (shorter when the interval is).</summary>
    public static readonly TimeSpan RetryAfterFailure = TimeSpan.FromHours(1);

    /// <summary>Reads, stores and publishes a new book; false (and a warning) when the read or the write failed.</summary>
    public async Task<bool> RefreshAsync(CancellationToken cancellationToken)
    {
        try
        {
            var book = await reader.ReadAsync(cancellationToken);
            await store.SaveAsync(book, options.Value.KeepBooks, cancellationToken);
            current.Publish(book);
            LogRefreshed(book.Prices.Count, book.AsOf);
            return true;
        }
        catch (AwsServiceException ex)
        {
            LogFailed(ex.ErrorCode, ex.Message);
        }
        catch (Exception ex) when (ex is FormatException or DomainException or DbUpdateException)
        {
            LogFailed(ex.GetType().Name, ex.Message);
        }

        return false;
    }

    /// <summary>Refreshes when the stored book is missing or stale; returns how long to wait before looking again.</summary>
    public async Task<TimeSpan> RunDueAsync(CancellationToken cancellationToken)
    {
        var interval = options.Value.RefreshInterval;
        var latest = await store.FindLatestAsync(cancellationToken);
        var now = time.GetUtcNow();
        if (latest?.FetchedAt is { } fetchedAt && !latest.IsStale(now, interval))
        {
            return fetchedAt + interval - now;
        }

        return await RefreshAsync(cancellationToken) ? interval : Min(interval, RetryAfterFailure);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            TimeSpan wait;
            try
            {
                wait = await RunDueAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The database itself failed (the read path above handles AWS): try again later, never stop the portal.
                LogFailed(ex.GetType().Name, ex.Message);
                wait = Min(options.Value.RefreshInterval, RetryAfterFailure);
            }

            try
            {
                await Task.Delay(wait, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    [LoggerMessage(Level = LogLevel.Information, Message = "Stored a price book of {Prices} prices from the Price List API, as of {AsOf}")]
    private partial void LogRefreshed(int prices, DateOnly asOf);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading prices from the Price List API failed ({Code}: {Reason}); the previous price book stays in use")]
    private partial void LogFailed(string code, string reason);
}
