using Microsoft.Extensions.Logging;

namespace Portal.Infra.Aws.Runtime;

/// <summary>
/// Retries as the SDK's "standard" mode does (see <see cref="StandardRetryRules"/> and <see cref="RetryQuota"/>).
/// It sits outside the signing handler, so every attempt is signed afresh. The caller's cancellation stops it at
/// once; an attempt (its body included) that runs past <see cref="AwsRetrySettings.AttemptTimeout"/> counts as a timeout.
/// </summary>
internal sealed class AwsRetryHandler(
    AwsRetrySettings settings,
    RetryQuota quota,
    IRetryClock clock,
    TimeProvider time,
    ILogger<AwsRetryHandler> logger) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var operation = AwsRequestOptions.OperationOf(request);
        var region = AwsRequestOptions.RegionOf(request);
        int? acquired = null;
        for (var attempt = 1; ; attempt++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            HttpResponseMessage response;
            RetryReason reason;
            string code;
            using (var attemptCancellation = new CancellationTokenSource(settings.AttemptTimeout, time))
            using (var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, attemptCancellation.Token))
            {
                try
                {
                    response = await base.SendAsync(request, linked.Token);
                    await BufferAsync(response, linked.Token);
                    if ((int)response.StatusCode < 400)
                    {
                        quota.Release(acquired ?? RetryQuota.NoRetryIncrement);
                        return response;
                    }

                    var body = await response.Content.ReadAsStringAsync(linked.Token);
                    code = AwsError.Parse((int)response.StatusCode, body, response.Headers).Code;
                    reason = StandardRetryRules.Classify((int)response.StatusCode, code);
                }
                catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested && attemptCancellation.IsCancellationRequested)
                {
                    if (!CanRetry(attempt, RetryReason.Timeout, operation, region, "RequestTimeout", ref acquired))
                    {
                        throw new TimeoutException($"{operation} in {region} got no answer within {settings.AttemptTimeout.TotalSeconds:0.#} s.", ex);
                    }

                    await WaitAsync(attempt, operation, region, "RequestTimeout", cancellationToken);
                    continue;
                }
                catch (HttpRequestException) when (!cancellationToken.IsCancellationRequested)
                {
                    if (!CanRetry(attempt, RetryReason.Network, operation, region, "NetworkFailure", ref acquired))
                    {
                        throw;
                    }

                    await WaitAsync(attempt, operation, region, "NetworkFailure", cancellationToken);
                    continue;
                }
            }

            if (reason == RetryReason.None || !CanRetry(attempt, reason, operation, region, code, ref acquired))
            {
                return response;
            }

            response.Dispose();
            await WaitAsync(attempt, operation, region, code, cancellationToken);
        }
    }

    /// <summary>
    /// Reads the whole body inside the attempt: a body that stalls then counts against the attempt's timeout, and one
    /// cut off by a reset is a network failure this handler retries, rather than a hang or an error in the caller's
    /// read (the <see cref="HttpClient"/>'s own timeout is infinite).
    /// </summary>
    private static async Task BufferAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            await response.Content.LoadIntoBufferAsync(cancellationToken);
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    private bool CanRetry(int attempt, RetryReason reason, string operation, string region, string code, ref int? acquired)
    {
        if (attempt >= settings.MaxAttempts)
        {
            AwsLog.RetriesExhausted(logger, operation, region, code, attempt);
            return false;
        }

        var cost = StandardRetryRules.Cost(reason);
        if (!quota.TryAcquire(cost))
        {
            AwsLog.RetryQuotaExhausted(logger, operation, region, code);
            return false;
        }

        acquired = cost;
        return true;
    }

    private async Task WaitAsync(int attempt, string operation, string region, string code, CancellationToken cancellationToken)
    {
        var delay = StandardRetryRules.Backoff(attempt, clock.NextJitter(), settings.MaxBackoff);
        AwsLog.Retrying(logger, operation, region, code, attempt + 1, settings.MaxAttempts, (long)delay.TotalMilliseconds);
        await clock.DelayAsync(delay, cancellationToken);
    }
}
