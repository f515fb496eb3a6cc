using Portal.Infra.Aws.Runtime;

namespace Portal.Infra.Tests.Aws.Runtime;

public sealed class StandardRetryRulesTests
{
    [Theory]
    [InlineData("Throttling")]
    [InlineData("ThrottlingException")]
    [InlineData("ThrottledException")]
    [InlineData("RequestThrottledException")]
    [InlineData("TooManyRequestsException")]
    [InlineData("ProvisionedThroughputExceededException")]
    [InlineData("TransactionInProgressException")]
    [InlineData("RequestLimitExceeded")]
    [InlineData("BandwidthLimitExceeded")]
    [InlineData("LimitExceededException")]
    [InlineData("RequestThrottled")]
    [InlineData("SlowDown")]
    [InlineData("PriorRequestNotComplete")]
    [InlineData("EC2ThrottledException")]
    public void Every_aws_throttling_code_is_throttling(string code)
    {
        Assert.Equal(RetryReason.Throttling, StandardRetryRules.Classify(400, code));
    }

    /// <summary>Checked against boto3 itself in <see cref="RetryParityTests"/>.</summary>
    [Theory]
    [InlineData(500, null, RetryReason.Transient)]
    [InlineData(502, null, RetryReason.Transient)]
    [InlineData(503, "ServiceUnavailable", RetryReason.Transient)]
    [InlineData(504, null, RetryReason.Transient)]
    [InlineData(400, "RequestTimeout", RetryReason.Transient)]
    [InlineData(400, "RequestTimeoutException", RetryReason.Transient)]
    [InlineData(429, "ThrottlingException", RetryReason.Throttling)]
    [InlineData(429, null, RetryReason.None)]
    [InlineData(429, "Http429", RetryReason.None)]
    [InlineData(501, null, RetryReason.None)]
    [InlineData(400, "ValidationError", RetryReason.None)]
    [InlineData(400, "ValidationException", RetryReason.None)]
    [InlineData(404, "NotFound", RetryReason.None)]
    public void Statuses_and_codes_are_classified_as_botocores_standard_mode_does(int status, string? code, RetryReason expected)
    {
        Assert.Equal(expected, StandardRetryRules.Classify(status, code));
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 4)]
    [InlineData(5, 16)]
    [InlineData(6, 20)]
    [InlineData(30, 20)]
    public void Backoff_is_full_jitter_under_the_capped_exponential(int failedAttempt, double ceilingSeconds)
    {
        foreach (var jitter in new[] { 0.0, 0.25, 0.5, 0.999999 })
        {
            var delay = StandardRetryRules.Backoff(failedAttempt, jitter, TimeSpan.FromSeconds(20));
            Assert.InRange(delay.TotalSeconds, 0, ceilingSeconds);
            Assert.Equal(jitter * ceilingSeconds, delay.TotalSeconds, 6);
        }
    }

    [Fact]
    public void Timeouts_cost_more_quota_than_other_retries()
    {
        Assert.Equal(10, StandardRetryRules.Cost(RetryReason.Timeout));
        Assert.Equal(5, StandardRetryRules.Cost(RetryReason.Throttling));
        Assert.Equal(5, StandardRetryRules.Cost(RetryReason.Transient));
    }

    [Fact]
    public void The_quota_never_exceeds_its_capacity_nor_goes_below_zero()
    {
        var quota = new RetryQuota(8);

        Assert.True(quota.TryAcquire(5));
        Assert.False(quota.TryAcquire(5));
        quota.Release(1000);

        Assert.Equal(RetryQuota.Capacity, quota.Available);
    }
}
