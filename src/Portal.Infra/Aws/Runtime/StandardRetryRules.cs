using System.Collections.Frozen;

namespace Portal.Infra.Aws.Runtime;

/// <summary>Why a failed attempt may be retried.</summary>
public enum RetryReason
{
    None,
    Throttling,
    Transient,
    Timeout,
    Network,
}

/// <summary>
/// The rules of the SDK's "standard" retry mode: which failures are retried, and how long to wait before the next
/// attempt (full jitter: a random share of <c>min(MaxBackoff, BaseDelay * 2^(attempt-1))</c>).
/// </summary>
public static class StandardRetryRules
{
    /// <summary>The AWS SDKs' throttling codes.</summary>
    public static readonly FrozenSet<string> ThrottlingCodes = FrozenSet.ToFrozenSet(
    [
        "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException", "TooManyRequestsException",
        "ProvisionedThroughputExceededException", "TransactionInProgressException", "RequestLimitExceeded",
        "BandwidthLimitExceeded", "LimitExceededException", "RequestThrottled", "SlowDown", "PriorRequestNotComplete",
        "EC2ThrottledException",
    ], StringComparer.Ordinal);

    /// <summary>The AWS SDKs' transient codes.</summary>
    public static readonly FrozenSet<string> TransientCodes = FrozenSet.ToFrozenSet(
        ["RequestTimeout", "RequestTimeoutException", "PriorRequestNotComplete"], StringComparer.Ordinal);

    /// <summary>The AWS SDKs' transient HTTP statuses (501 Not Implemented is not worth repeating).</summary>
    public static readonly FrozenSet<int> TransientStatusCodes = FrozenSet.ToFrozenSet([500, 502, 503, 504]);

    public static readonly TimeSpan BaseDelay = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Classifies an answer that came back with an error. As in botocore's standard mode, throttling is read from the
    /// error code only: a 429 without a throttling code (an empty body, a proxy's page) is not retried.
    /// </summary>
    public static RetryReason Classify(int statusCode, string? errorCode)
    {
        if (errorCode is not null && ThrottlingCodes.Contains(errorCode))
        {
            return RetryReason.Throttling;
        }

        if ((errorCode is not null && TransientCodes.Contains(errorCode)) || TransientStatusCodes.Contains(statusCode))
        {
            return RetryReason.Transient;
        }

        return RetryReason.None;
    }

    /// <summary>The wait after the <paramref name="failedAttempt"/>-th attempt (1-based), for a jitter in [0, 1).</summary>
    public static TimeSpan Backoff(int failedAttempt, double jitter, TimeSpan maxBackoff)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(failedAttempt, 1);
        var ceiling = BaseDelay.TotalSeconds * Math.Pow(2, Math.Min(failedAttempt - 1, 30));
        var bound = Math.Min(maxBackoff.TotalSeconds, ceiling);
        return TimeSpan.FromSeconds(Math.Clamp(jitter, 0, 1) * bound);
    }

    /// <summary>What a retry for this reason takes from the <see cref="RetryQuota"/>.</summary>
    public static int Cost(RetryReason reason) =>
        reason == RetryReason.Timeout ? RetryQuota.TimeoutRetryCost : RetryQuota.RetryCost;
}
