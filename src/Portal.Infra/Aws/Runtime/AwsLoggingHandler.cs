using Microsoft.Extensions.Logging;

namespace Portal.Infra.Aws.Runtime;

/// <summary>
/// Logs one line per attempt: operation, region, status, duration and request id. It never logs headers, bodies or
/// URLs with query strings, so credentials, signatures and presigned URLs cannot reach the log.
/// </summary>
internal sealed class AwsLoggingHandler(ILogger<AwsLoggingHandler> logger, TimeProvider time) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var operation = AwsRequestOptions.OperationOf(request);
        var region = AwsRequestOptions.RegionOf(request);
        var started = time.GetTimestamp();
        try
        {
            var response = await base.SendAsync(request, cancellationToken);
            var elapsed = (long)time.GetElapsedTime(started).TotalMilliseconds;
            var requestId = RequestId(response);
            if (response.IsSuccessStatusCode)
            {
                AwsLog.CallSucceeded(logger, operation, region, (int)response.StatusCode, elapsed, requestId);
            }
            else
            {
                AwsLog.CallFailed(logger, operation, region, (int)response.StatusCode, elapsed, requestId);
            }

            return response;
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException)
        {
            AwsLog.CallGotNoAnswer(logger, operation, region, (long)time.GetElapsedTime(started).TotalMilliseconds, ex.GetType().Name);
            throw;
        }
    }

    private static string RequestId(HttpResponseMessage response) =>
        response.Headers.TryGetValues("x-amzn-RequestId", out var values) ||
        response.Headers.TryGetValues("x-amz-request-id", out values)
            ? values.FirstOrDefault() ?? "-"
            : "-";
}
