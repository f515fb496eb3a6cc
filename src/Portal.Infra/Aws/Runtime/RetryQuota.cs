namespace Portal.Infra.Aws.Runtime;

/// <summary>
/// The SDK "standard" mode's retry quota: a token bucket of 500 shared by all calls to one service. A retry costs 5
/// (10 after a timeout); a success refunds what its retry took, or 1 when it needed none. An empty bucket means a
/// failing service is not hit with retries on top of the failures.
/// </summary>
public sealed class RetryQuota
{
    public const int Capacity = 500;
    public const int RetryCost = 5;
    public const int TimeoutRetryCost = 10;
    public const int NoRetryIncrement = 1;

    private readonly Lock _lock = new();
    private int _available;

    public RetryQuota(int available = Capacity)
    {
        _available = Math.Clamp(available, 0, Capacity);
    }

    public int Available
    {
        get
        {
            lock (_lock)
            {
                return _available;
            }
        }
    }

    public bool TryAcquire(int amount)
    {
        lock (_lock)
        {
            if (_available < amount)
            {
                return false;
            }

            _available -= amount;
            return true;
        }
    }

    public void Release(int amount)
    {
        lock (_lock)
        {
            _available = Math.Min(Capacity, _available + amount);
        }
    }
}
