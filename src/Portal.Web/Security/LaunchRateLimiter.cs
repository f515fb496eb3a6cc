using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Portal.Web.Security;

/// <summary>Launches per user (<see cref="SecurityOptions.LaunchesPerMinute"/>): launches go through the circuit, not HTTP.</summary>
internal sealed class LaunchRateLimiter(IOptions<SecurityOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(userId =>
        RateLimitPartition.GetFixedWindowLimiter(userId, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.Value.LaunchesPerMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        }));

    /// <summary>Takes one launch of <paramref name="userId"/>'s; null when allowed, else how long to wait.</summary>
    public TimeSpan? TryTake(string userId)
    {
        using var lease = _limiter.AttemptAcquire(userId);
        if (lease.IsAcquired)
        {
            return null;
        }

        return lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
    }

    public void Dispose() => _limiter.Dispose();
}
