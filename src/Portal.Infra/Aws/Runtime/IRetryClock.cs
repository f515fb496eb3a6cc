using System.Security.Cryptography;

namespace Portal.Infra.Aws.Runtime;

/// <summary>The random source and the wait of the retry handler, replaceable in tests.</summary>
public interface IRetryClock
{
    /// <summary>A jitter factor in [0, 1).</summary>
    double NextJitter();

    Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken);
}

internal sealed class SystemRetryClock(TimeProvider time) : IRetryClock
{
    public double NextJitter() => RandomNumberGenerator.GetInt32(int.MaxValue) / (double)int.MaxValue;

    public Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken) =>
        delay <= TimeSpan.Zero ? Task.CompletedTask : Task.Delay(delay, time, cancellationToken);
}

/// <summary>One <see cref="RetryQuota"/> per service, as the SDK keeps one per client.</summary>
public sealed class RetryQuotas
{
    private readonly Dictionary<string, RetryQuota> _quotas = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public RetryQuota For(AwsService service)
    {
        ArgumentNullException.ThrowIfNull(service);
        lock (_lock)
        {
            if (!_quotas.TryGetValue(service.Name, out var quota))
            {
                quota = new RetryQuota();
                _quotas[service.Name] = quota;
            }

            return quota;
        }
    }
}
